#include "adapters/slack/block_kit_views.h"

#include "adapters/common/utf8.h"
#include "adapters/slack/block_kit_renderer.h"

namespace mentorbot {

namespace {
using nlohmann::json;

json PlainText(std::string_view text, std::size_t limit) {
  return json{{"type", "plain_text"}, {"text", TruncateCodePoints(text.empty() ? " " : text, limit)}, {"emoji", true}};
}

bool IsSlackUserId(const std::string& id) {
  if (id.size() < 2 || (id[0] != 'U' && id[0] != 'W')) return false;
  for (char c : id) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

json TextElement(const FormInput& input) {
  const std::size_t max_length = std::min(input.max_length, SlackViewLimits::kMaxTextInput);
  json element{{"type", "plain_text_input"}, {"action_id", input.name}, {"multiline", input.multiline},
               {"max_length", max_length}};
  if (!input.initial.empty()) element["initial_value"] = TruncateCodePoints(input.initial, max_length);
  return element;
}

json ChoiceElement(const FormInput& input) {
  json element{{"type", "static_select"}, {"action_id", input.name}, {"options", json::array()}};
  for (const Choice& choice : input.choices) {
    json option{{"text", PlainText(choice.label, SlackViewLimits::kMaxOptionText)},
                {"value", TruncateCodePoints(choice.value, SlackViewLimits::kMaxOptionValue)}};
    if (choice.value == input.initial) element["initial_option"] = option;
    element["options"].push_back(std::move(option));
  }
  return element;
}

json PersonElement(const FormInput& input) {
  json element{{"type", "users_select"}, {"action_id", input.name}};
  if (IsSlackUserId(input.initial)) element["initial_user"] = input.initial;
  return element;
}

json InputBlock(const FormInput& input) {
  json element = input.kind == FormInput::Kind::kChoice   ? ChoiceElement(input)
                 : input.kind == FormInput::Kind::kPerson ? PersonElement(input)
                                                          : TextElement(input);
  if (!input.placeholder.empty()) element["placeholder"] = PlainText(input.placeholder, SlackViewLimits::kMaxPlaceholder);
  return json{{"type", "input"},
              {"block_id", input.name},
              {"label", PlainText(input.label, SlackViewLimits::kMaxLabel)},
              {"optional", !input.required},
              {"element", std::move(element)}};
}

json Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }
}  // namespace

json RenderFormModal(const Form& form, const ModalContext& context) {
  json blocks = json::array();
  for (const FormInput& input : form.inputs) {
    if (blocks.size() == BlockKitLimits::kMaxViewBlocks) break;
    blocks.push_back(InputBlock(input));
  }
  return json{{"type", "modal"},
              {"callback_id", TruncateCodePoints(form.id, BlockKitLimits::kMaxActionId)},
              {"title", PlainText(form.title, SlackViewLimits::kMaxTitle)},
              {"submit", PlainText(form.submit_label.empty() ? "Save" : form.submit_label, SlackViewLimits::kMaxSubmit)},
              {"close", PlainText("Cancel", SlackViewLimits::kMaxSubmit)},
              {"private_metadata", EncodeModalContext(context)},
              {"blocks", std::move(blocks)}};
}

json RenderReplyModal(const Message& message) {
  json blocks = RenderBlocks(message, BlockKitLimits::kMaxViewBlocks);
  if (blocks.empty()) blocks.push_back(json{{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", "Done."}}}});
  return json{{"type", "modal"},
              {"title", PlainText("mentorbot", SlackViewLimits::kMaxTitle)},
              {"close", PlainText("Close", SlackViewLimits::kMaxSubmit)},
              {"blocks", std::move(blocks)}};
}

json RenderHomeView(const Message& message) {
  json blocks = json::array();
  if (!message.summary.empty()) {
    blocks.push_back(json{{"type", "header"}, {"text", PlainText(message.summary, SlackViewLimits::kMaxHeader)}});
  }
  for (auto& block : RenderBlocks(message, BlockKitLimits::kMaxViewBlocks - blocks.size())) blocks.push_back(std::move(block));
  return json{{"type", "home"}, {"blocks", std::move(blocks)}};
}

std::string EncodeModalContext(const ModalContext& context) {
  // The argument is a short command argument (a session number); cut it
  // rather than produce metadata Slack refuses: 700 code points are at most
  // 2800 bytes, within the 3000 allowed with room for the rest.
  json encoded{{"v", 1}, {"argument", TruncateCodePoints(context.argument, 700)}, {"home", context.from_home}};
  return Dump(encoded);
}

std::optional<ModalContext> DecodeModalContext(const std::string& metadata) {
  const json parsed = json::parse(metadata, nullptr, false);
  if (!parsed.is_object() || parsed.value("v", json()) != 1 || !parsed.contains("argument") || !parsed["argument"].is_string()) {
    return std::nullopt;
  }
  ModalContext context;
  context.argument = parsed["argument"].get<std::string>();
  context.from_home = parsed.contains("home") && parsed["home"].is_boolean() && parsed["home"].get<bool>();
  return context;
}

}  // namespace mentorbot
