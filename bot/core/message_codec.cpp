#include "bot/core/message_codec.h"

#include <charconv>

namespace mentorbot {

namespace {
// Version 2 added forms, version 3 input kinds; older rows still decode.
constexpr std::string_view kVersion = "mentorbot-message-4";
constexpr std::string_view kVersionWithoutFiles = "mentorbot-message-3";
constexpr std::string_view kVersionWithoutInputKinds = "mentorbot-message-2";
constexpr std::string_view kVersionWithoutForms = "mentorbot-message-1";
constexpr std::size_t kMaxCount = 100000;  // guards decoding against absurd counts

class Writer {
 public:
  void String(std::string_view text) {
    out_ += std::to_string(text.size());
    out_ += ':';
    out_ += text;
  }
  void Number(long long value) { String(std::to_string(value)); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  std::optional<std::string> String() {
    const auto colon = in_.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 10) return std::nullopt;
    std::size_t length = 0;
    auto [end, error] = std::from_chars(in_.data(), in_.data() + colon, length);
    if (error != std::errc() || end != in_.data() + colon || length > in_.size() - colon - 1) return std::nullopt;
    std::string value(in_.substr(colon + 1, length));
    in_.remove_prefix(colon + 1 + length);
    return value;
  }
  std::optional<long long> Number() {
    auto text = String();
    if (!text) return std::nullopt;
    long long value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
    return value;
  }
  std::optional<std::size_t> Count() {
    auto value = Number();
    if (!value || *value < 0 || static_cast<std::size_t>(*value) > kMaxCount) return std::nullopt;
    return static_cast<std::size_t>(*value);
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

void WriteRichText(Writer& w, const RichText& text) {
  w.Number(static_cast<long long>(text.spans().size()));
  for (const Span& span : text.spans()) {
    w.Number(static_cast<int>(span.kind));
    w.String(span.text);
    w.String(span.kind == Span::Kind::kMention ? span.user.Key() : "");
    w.Number(span.time.time_since_epoch().count());
  }
}

std::optional<RichText> ReadRichText(Reader& r) {
  auto count = r.Count();
  if (!count) return std::nullopt;
  RichText text;
  for (std::size_t i = 0; i < *count; ++i) {
    auto kind = r.Number();
    auto body = r.String();
    auto user = r.String();
    auto time = r.Number();
    if (!kind || !body || !user || !time) return std::nullopt;
    switch (static_cast<Span::Kind>(*kind)) {
      case Span::Kind::kText: text.Text(*body); break;
      case Span::Kind::kBold: text.Bold(*body); break;
      case Span::Kind::kCode: text.Code(*body); break;
      case Span::Kind::kMention: {
        auto ref = UserRef::Parse(*user);
        if (!ref) return std::nullopt;
        text.Mention(*ref, *body);
        break;
      }
      case Span::Kind::kTime: text.Time(TimePoint(std::chrono::seconds(*time)), *body); break;
      default: return std::nullopt;
    }
  }
  return text;
}
void WriteForm(Writer& w, const std::optional<Form>& form) {
  w.Number(form ? 1 : 0);
  if (!form) return;
  w.String(form->id);
  w.String(form->argument);
  w.String(form->title);
  w.String(form->submit_label);
  w.Number(static_cast<long long>(form->inputs.size()));
  for (const FormInput& input : form->inputs) {
    w.String(input.name);
    w.String(input.label);
    w.String(input.placeholder);
    w.String(input.initial);
    w.Number(input.multiline ? 1 : 0);
    w.Number(static_cast<long long>(input.max_length));
    w.Number(static_cast<int>(input.kind));
    w.Number(input.required ? 1 : 0);
    w.Number(static_cast<long long>(input.choices.size()));
    for (const Choice& choice : input.choices) {
      w.String(choice.value);
      w.String(choice.label);
    }
  }
}

// Version 3 added input kinds, choices and optional inputs.
bool ReadInputKind(Reader& r, FormInput& input) {
  auto kind = r.Number();
  auto required = kind ? r.Number() : std::nullopt;
  auto choices = required ? r.Count() : std::nullopt;
  if (!choices || *kind < 0 || *kind > 2 || (*required != 0 && *required != 1)) return false;
  input.kind = static_cast<FormInput::Kind>(*kind);
  input.required = *required == 1;
  for (std::size_t i = 0; i < *choices; ++i) {
    auto value = r.String();
    auto label = value ? r.String() : std::nullopt;
    if (!label) return false;
    input.choices.push_back(Choice{*value, *label});
  }
  return true;
}

// false when the encoding is invalid.
bool ReadForm(Reader& r, std::optional<Form>& form, bool has_input_kinds) {
  auto present = r.Number();
  if (!present || (*present != 0 && *present != 1)) return false;
  if (*present == 0) return true;
  Form read;
  auto id = r.String();
  auto argument = r.String();
  auto title = r.String();
  auto submit = r.String();
  auto inputs = submit ? r.Count() : std::nullopt;
  if (!id || !argument || !title || !inputs) return false;
  read.id = *id;
  read.argument = *argument;
  read.title = *title;
  read.submit_label = *submit;
  for (std::size_t i = 0; i < *inputs; ++i) {
    auto name = r.String();
    auto label = r.String();
    auto placeholder = r.String();
    auto initial = r.String();
    auto multiline = r.Number();
    auto max_length = r.Count();
    if (!name || !label || !placeholder || !initial || !multiline || !max_length) return false;
    FormInput input{*name, *label, *placeholder, *initial, *multiline != 0, *max_length};
    if (has_input_kinds && !ReadInputKind(r, input)) return false;
    read.inputs.push_back(std::move(input));
  }
  form = std::move(read);
  return true;
}
bool ReadFiles(Reader& r, std::vector<FileRef>& files) {
  auto count = r.Count();
  if (!count) return false;
  for (std::size_t i = 0; i < *count; ++i) {
    auto id = r.Number();
    auto name = r.String();
    auto media_type = r.String();
    auto size = r.Number();
    auto content_url = r.String();
    auto unique_id = r.String();
    if (!id || !name || !media_type || !size || !content_url || !unique_id) return false;
    files.push_back(FileRef{*id, *name, *media_type, *size, *content_url, *unique_id});
  }
  return true;
}
}  // namespace

std::string EncodeMessage(const Message& message) {
  Writer w;
  w.String(kVersion);
  w.String(message.summary);
  w.Number(static_cast<long long>(message.sections.size()));
  for (const Section& section : message.sections) {
    WriteRichText(w, section.text);
    w.Number(static_cast<long long>(section.fields.size()));
    for (const Field& field : section.fields) {
      w.String(field.label);
      WriteRichText(w, field.value);
    }
    w.Number(static_cast<long long>(section.buttons.size()));
    for (const Button& button : section.buttons) {
      w.String(button.label);
      w.String(button.action_id);
      w.String(button.value);
      w.Number(static_cast<int>(button.style));
    }
    WriteForm(w, section.form);
  }
  w.Number(static_cast<long long>(message.files.size()));
  for (const FileRef& file : message.files) {
    w.Number(file.id);
    w.String(file.name);
    w.String(file.media_type);
    w.Number(file.size);
    w.String(file.content_url);
    w.String(file.unique_id);
  }
  return w.Take();
}

std::optional<Message> DecodeMessage(std::string_view encoded) {
  Reader r(encoded);
  auto version = r.String();
  if (!version || (*version != kVersion && *version != kVersionWithoutFiles && *version != kVersionWithoutInputKinds &&
                   *version != kVersionWithoutForms)) {
    return std::nullopt;
  }
  const bool has_forms = *version != kVersionWithoutForms;
  const bool has_input_kinds = *version == kVersion || *version == kVersionWithoutFiles;
  Message message;
  auto summary = r.String();
  auto sections = r.Count();
  if (!summary || !sections) return std::nullopt;
  message.summary = *summary;
  for (std::size_t s = 0; s < *sections; ++s) {
    Section section;
    auto text = ReadRichText(r);
    auto fields = text ? r.Count() : std::nullopt;
    if (!fields) return std::nullopt;
    section.text = *text;
    for (std::size_t f = 0; f < *fields; ++f) {
      auto label = r.String();
      auto value = label ? ReadRichText(r) : std::nullopt;
      if (!value) return std::nullopt;
      section.fields.push_back(Field{*label, *value});
    }
    auto buttons = r.Count();
    if (!buttons) return std::nullopt;
    for (std::size_t b = 0; b < *buttons; ++b) {
      auto label = r.String();
      auto action = r.String();
      auto value = r.String();
      auto style = r.Number();
      if (!label || !action || !value || !style || *style < 0 || *style > 2) return std::nullopt;
      section.buttons.push_back(Button{*label, *action, *value, static_cast<Button::Style>(*style)});
    }
    if (has_forms && !ReadForm(r, section.form, has_input_kinds)) return std::nullopt;
    message.sections.push_back(std::move(section));
  }
  if (*version == kVersion && !ReadFiles(r, message.files)) return std::nullopt;
  if (!r.done()) return std::nullopt;
  return message;
}

}  // namespace mentorbot
