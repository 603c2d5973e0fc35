#include "bot/engine/forms.h"

#include <array>

#include "bot/engine/command_text.h"

namespace mentorbot {

namespace {
constexpr std::string_view kTextInput = "text";

Form SingleTextForm(std::string id, std::string title, std::string label, std::string placeholder,
                    std::size_t max_length, const std::string& initial) {
  return Form{std::move(id), "", std::move(title), "Save",
              {FormInput{std::string(kTextInput), std::move(label), std::move(placeholder), initial, true, max_length}}};
}
}  // namespace

Form TakeawaysForm(const std::string& initial) {
  return SingleTextForm("takeaways", "Write your takeaways", "What did you take away from this session?",
                        "What surprised you, what will you do differently, what do you want to explore next time",
                        kMaxTakeawaysLength, initial);
}

Form AgendaForm(const std::string& initial) {
  return SingleTextForm("agenda", "Set the agenda", "What do you want to talk about?",
                        "The questions you bring, and what you'd like to learn", kMaxAgendaLength, initial);
}

FormCommand CommandFromSubmission(const Event& event) {
  static const std::array<Form, 2> kForms = {TakeawaysForm(), AgendaForm()};
  FormCommand result;
  const Form* form = nullptr;
  for (const Form& candidate : kForms) {
    if (candidate.id == event.action_id) form = &candidate;
  }
  if (form == nullptr) {
    result.unknown_form = true;
    return result;
  }
  result.form = *form;
  result.form.argument = event.action_value;
  result.command = form->id;
  if (!event.action_value.empty()) result.command += " " + event.action_value;
  for (FormInput& input : result.form.inputs) {
    auto it = event.fields.find(input.name);
    const std::string value = it == event.fields.end() ? "" : std::string(Trim(it->second));
    input.initial = value;
    if (value.empty()) {
      result.errors[input.name] = "Please write something first: even one line helps.";
    } else if (CountCharacters(value) > input.max_length) {
      result.errors[input.name] = "That is " + std::to_string(CountCharacters(value)) + " characters; at most " +
                                  std::to_string(input.max_length) + " fit.";
    } else {
      result.command += " " + value;
    }
  }
  return result;
}

}  // namespace mentorbot
