#include "adapters/teams/adaptive_card_renderer.h"

#include "adapters/common/utf8.h"
#include "adapters/teams/card_text.h"

namespace mentorbot {

namespace {
using nlohmann::json;

json TextBlock(const std::string& markdown, bool emphasis = false) {
  json block{{"type", "TextBlock"},
             {"text", TruncateCodePoints(markdown, AdaptiveCardLimits::kMaxTextBlock)},
             {"wrap", true}};
  if (emphasis) block["weight"] = "Bolder";
  return block;
}

const char* ActionStyle(Button::Style style) {
  switch (style) {
    case Button::Style::kPrimary: return "positive";
    case Button::Style::kDanger: return "destructive";
    case Button::Style::kDefault: break;
  }
  return "default";
}

json ExecuteAction(const std::string& title, const std::string& verb, json data, const char* style) {
  return json{{"type", "Action.Execute"},
              {"title", TruncateCodePoints(title.empty() ? verb : title, AdaptiveCardLimits::kMaxActionTitle)},
              {"verb", verb},
              {"data", std::move(data)},
              {"style", style}};
}

json ButtonSet(const std::vector<Button>& buttons) {
  json actions = json::array();
  for (const Button& button : buttons) {
    if (actions.size() == AdaptiveCardLimits::kMaxActionsPerSet) break;
    actions.push_back(ExecuteAction(button.label, button.action_id,
                                    {{kCardDataKind, "action"}, {"id", button.action_id}, {"value", button.value}},
                                    ActionStyle(button.style)));
  }
  return json{{"type", "ActionSet"}, {"actions", std::move(actions)}};
}

// Text boxes, choice lists, and people pickers (Teams searches the
// organisation's directory and submits the person's AAD object id).
json InputElement(const FormInput& input) {
  json element{{"id", std::string(kCardInputPrefix) + input.name},
               {"label", input.label},
               {"placeholder", input.placeholder},
               {"value", input.initial},
               {"isRequired", input.required},
               {"errorMessage", input.kind == FormInput::Kind::kText ? "Please write something first." : "Please pick one."}};
  switch (input.kind) {
    case FormInput::Kind::kText:
      element["type"] = "Input.Text";
      element["isMultiline"] = input.multiline;
      element["maxLength"] = input.max_length;
      break;
    case FormInput::Kind::kChoice:
      element["type"] = "Input.ChoiceSet";
      element["style"] = "compact";
      element["choices"] = json::array();
      for (const Choice& choice : input.choices) element["choices"].push_back({{"title", choice.label}, {"value", choice.value}});
      break;
    case FormInput::Kind::kPerson:
      element["type"] = "Input.ChoiceSet";
      element["choices"] = json::array();
      element["choices.data"] = {{"type", "Data.Query"}, {"dataset", "graph.microsoft.com/users"}};
      break;
  }
  return element;
}

void AddForm(json& body, const Form& form, const std::map<std::string, std::string>& errors) {
  if (!form.title.empty()) body.push_back(TextBlock(EscapeCardMarkdown(form.title), true));
  for (const FormInput& input : form.inputs) {
    body.push_back(InputElement(input));
    if (auto error = errors.find(input.name); error != errors.end()) {
      json note = TextBlock(EscapeCardMarkdown(error->second));
      note["color"] = "Attention";
      body.push_back(std::move(note));
    }
  }
  json submit = ExecuteAction(form.submit_label.empty() ? "Save" : form.submit_label, form.id,
                              {{kCardDataKind, "form"}, {"id", form.id}, {"argument", form.argument}}, "positive");
  submit["associatedInputs"] = "auto";
  body.push_back({{"type", "ActionSet"}, {"actions", json::array({std::move(submit)})}});
}

json SectionBlocks(const Section& section, const std::map<std::string, std::string>& errors, json& entities) {
  json blocks = json::array();
  if (!section.text.empty()) blocks.push_back(TextBlock(RenderCardMarkdown(section.text, entities)));
  if (!section.fields.empty()) {
    json facts = json::array();
    for (const Field& field : section.fields) {
      facts.push_back({{"title", field.label}, {"value", RenderCardMarkdown(field.value, entities)}});
    }
    blocks.push_back({{"type", "FactSet"}, {"facts", std::move(facts)}});
  }
  if (!section.buttons.empty()) blocks.push_back(ButtonSet(section.buttons));
  if (section.form) AddForm(blocks, *section.form, errors);
  return blocks;
}
}  // namespace

json RenderAdaptiveCard(const Message& message, const std::map<std::string, std::string>& field_errors) {
  json card{{"type", "AdaptiveCard"},
            {"$schema", "http://adaptivecards.io/schemas/adaptive-card.json"},
            {"version", AdaptiveCardLimits::kVersion},
            {"fallbackText", TruncateCodePoints(message.PlainText(), AdaptiveCardLimits::kMaxFallback)},
            {"body", json::array()}};
  json entities = json::array();
  std::size_t bytes = card.dump().size();
  for (const Section& section : message.sections) {
    json blocks = SectionBlocks(section, field_errors, entities);
    const std::size_t size = blocks.dump(-1, ' ', false, json::error_handler_t::replace).size();
    if (bytes + size > AdaptiveCardLimits::kMaxCardBytes) {
      card["body"].push_back(TextBlock("_(more than fits in one card; type **status** for the rest)_"));
      break;
    }
    bytes += size;
    // Sections after the first start with a separator line, like Slack's dividers.
    if (!blocks.empty() && !card["body"].empty()) blocks[0]["separator"] = true;
    for (auto& block : blocks) card["body"].push_back(std::move(block));
  }
  if (!entities.empty()) card["msteams"] = {{"entities", std::move(entities)}};
  return card;
}

json RenderFileAttachment(const FileRef& file) {
  if (!file.content_url.empty()) {  // uploaded to the person's OneDrive: a file card to open it
    const auto dot = file.name.rfind('.');
    return json{{"contentType", "application/vnd.microsoft.teams.card.file.info"},
                {"contentUrl", file.content_url},
                {"name", file.name},
                {"content", {{"uniqueId", file.unique_id}, {"fileType", dot == std::string::npos ? "" : file.name.substr(dot + 1)}}}};
  }
  // Teams asks the person first; their answer comes back as a fileConsent/invoke with this context.
  const json context{{"file_id", file.id}};
  return json{{"contentType", "application/vnd.microsoft.teams.card.file.consent"},
              {"name", file.name},
              {"content", {{"description", "mentorbot: " + file.name},
                           {"sizeInBytes", file.size},
                           {"acceptContext", context},
                           {"declineContext", context}}}};
}

json RenderMessageActivity(const Message& message, const std::map<std::string, std::string>& field_errors) {
  json attachments = json::array({{{"contentType", "application/vnd.microsoft.card.adaptive"},
                                   {"content", RenderAdaptiveCard(message, field_errors)}}});
  for (const FileRef& file : message.files) attachments.push_back(RenderFileAttachment(file));
  return json{{"type", "message"},
              {"summary", TruncateCodePoints(message.summary, AdaptiveCardLimits::kMaxFallback)},
              {"attachments", attachments}};
}

json RenderInvokeResponse(const Reply& reply) {
  return json{{"statusCode", 200},
              {"type", "application/vnd.microsoft.card.adaptive"},
              {"value", RenderAdaptiveCard(reply.message, reply.field_errors)}};
}

}  // namespace mentorbot
