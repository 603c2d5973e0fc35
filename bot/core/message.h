// Message: what the bot says, platform-neutral. A summary line (notification
// and fallback text) and sections, each with text, label/value fields and
// buttons. Renderers turn it into Block Kit or an Adaptive Card and enforce
// each platform's limits; the engine never thinks about them. Value types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/core/rich_text.h"

namespace mentorbot {

struct Button {
  enum class Style { kDefault, kPrimary, kDanger };
  std::string label;
  std::string action_id;  // what the engine receives back as Event::action_id
  std::string value;      // ... and as Event::action_value
  Style style = Style::kDefault;
};

struct Field {
  std::string label;
  RichText value;
};

struct Choice {
  std::string value;  // what the submission carries
  std::string label;  // what the person sees
};

// One input of a form: a text box, a pick from fixed choices, or a person
// picked from the platform's directory (submitted as the platform's user id,
// which the engine reads like a mention).
struct FormInput {
  enum class Kind { kText, kChoice, kPerson };
  std::string name;   // its key in Event::fields on submission
  std::string label;
  std::string placeholder;
  std::string initial;  // pre-filled value (editing what was written before)
  bool multiline = true;
  std::size_t max_length = 3000;
  Kind kind = Kind::kText;
  std::vector<Choice> choices;  // kChoice only
  bool required = true;
};

// Something to fill in and submit (takeaways, an agenda). Platforms show it
// as a card with inputs (Teams) or a modal (Slack); the submission comes
// back as an Event of kind kFormSubmission with action_id = id,
// action_value = argument and the inputs in fields.
struct Form {
  std::string id;        // the command that takes the submission ("takeaways")
  std::string argument;  // what the command needs besides the inputs (may be empty)
  std::string title;
  std::string submit_label;
  std::vector<FormInput> inputs;
};

struct Section {
  RichText text;
  std::vector<Field> fields;
  std::vector<Button> buttons;
  std::optional<Form> form;  // at most one form per section
};

// A file the message hands over (an admin's export). Its bytes stay in the
// store (FileRepository) until it expires; a message carries only this.
// Platforms share it as a file (Slack) or ask first (Teams: a consent card,
// then a file card with content_url once the person accepted).
struct FileRef {
  std::int64_t id = 0;  // the stored file's id
  std::string name;     // "mentorbot-export-2026-11-23.zip"
  std::string media_type;
  std::int64_t size = 0;   // bytes
  std::string content_url; // set once uploaded to the person's own storage (Teams)
  std::string unique_id;   // ... and the platform's id of that copy
};

struct Message {
  std::string summary;  // one line; also the notification text
  std::vector<Section> sections;
  std::vector<FileRef> files;

  // Everything as plain text, one section a paragraph (console, logs in tests).
  std::string PlainText() const;
};

// The engine's answer to the person who acted. Commands are answered privately
// (only the person who typed sees it) unless a handler says otherwise.
struct Reply {
  Message message;
  bool visible_to_conversation = false;
  // A form submission that was refused: input name -> what is wrong with it.
  // Nothing was stored; the platform shows the errors beside the inputs.
  std::map<std::string, std::string> field_errors;
  // The event was a repeated delivery of one already handled: nothing was
  // done and nothing should be said.
  bool duplicate = false;
  // The store was unavailable: nothing was done (or queued); the message
  // says to try again.
  bool failed = false;
};

}  // namespace mentorbot
