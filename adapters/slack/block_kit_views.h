// Slack views, the surfaces beyond messages: a form as a modal, a reply
// shown in a modal, and the App Home tab — within Slack's view limits
// (titles and button labels of 24 characters, 100 blocks, 150-character
// placeholders and option values, 3000-character text inputs and private
// metadata), cut on UTF-8 boundaries. Pure functions.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "bot/core/message.h"

namespace mentorbot {

struct SlackViewLimits {
  static constexpr std::size_t kMaxTitle = 24;
  static constexpr std::size_t kMaxSubmit = 24;
  static constexpr std::size_t kMaxLabel = 2000;
  static constexpr std::size_t kMaxPlaceholder = 150;
  static constexpr std::size_t kMaxTextInput = 3000;
  static constexpr std::size_t kMaxOptionText = 75;
  static constexpr std::size_t kMaxOptionValue = 150;
  static constexpr std::size_t kMaxHeader = 150;
  static constexpr std::size_t kMaxPrivateMetadata = 3000;
};

// What a modal must remember until it is submitted, carried through Slack
// in the view's private_metadata.
struct ModalContext {
  std::string argument;    // the form's argument
  bool from_home = false;  // opened from the App Home tab (refresh it after)
};

// callback_id = the form id; each input is a block whose block_id and
// action_id are the input's name, so errors can be shown beside it.
nlohmann::json RenderFormModal(const Form& form, const ModalContext& context);
// A reply (what was saved, or why not) in a modal with only a Close button.
nlohmann::json RenderReplyModal(const Message& message);
// The App Home tab.
nlohmann::json RenderHomeView(const Message& message);

std::string EncodeModalContext(const ModalContext& context);
// nullopt when the metadata is not ours.
std::optional<ModalContext> DecodeModalContext(const std::string& metadata);

}  // namespace mentorbot
