#include "bot/engine/program/forms.h"

#include <array>

#include "bot/engine/calendar/when_form.h"
#include "bot/engine/command_text.h"
#include "bot/engine/program/profile_fields.h"
#include "bot/engine/program_rules.h"

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
  return SingleTextForm("takeaways", initial.empty() ? "Write your takeaways" : "Edit your takeaways", "What did you take away from this session?",
                        "What surprised you, what will you do differently, what do you want to explore next time",
                        kMaxTakeawaysLength, initial);
}

Form AgendaForm(const std::string& initial) {
  return SingleTextForm("agenda", initial.empty() ? "Set the agenda" : "Edit the agenda", "What do you want to talk about?",
                        "The questions you bring, and what you'd like to learn", kMaxAgendaLength, initial);
}

Form JoinForm() {
  auto text = [](std::string name, std::string label, std::string placeholder, bool required) {
    return FormInput{std::move(name), std::move(label), std::move(placeholder), "", false, 200,
                     FormInput::Kind::kText, {}, required};
  };
  Form form{"join", "", "Join the program", "Join", {}};
  form.inputs.push_back(FormInput{"role", "Your role", "Pick one", "", false, 10, FormInput::Kind::kChoice,
                                  {{"mentee", "Mentee: the senior leader who learns"},
                                   {"mentor", "Mentor: the one who shares their perspective"}},
                                  true});
  form.inputs.push_back(text("department", "Department", "e.g. Finance", true));
  form.inputs.push_back(text("level", "Level (higher = more senior)", "e.g. 4 or L4", true));
  form.inputs.push_back(text("location", "Location", "e.g. Berlin", true));
  FormInput manager{"manager", "Your manager (leave empty if you report to no one)", "Pick a person", "", false, 200,
                    FormInput::Kind::kPerson, {}, false};
  form.inputs.push_back(std::move(manager));
  FormInput background = text("background", "Your background, in a few words (optional)",
                              "What shaped your perspective: pairing seeks differences", false);
  background.multiline = true;
  background.max_length = 1000;
  form.inputs.push_back(std::move(background));
  return form;
}

Button FindATimeButton() { return Button{"Find a time", "schedule", ""}; }

namespace {
// What is wrong with one input's value, or "" when it is fine.
std::string CheckInput(const FormInput& input, const std::string& value) {
  if (value.empty()) {
    if (!input.required) return "";
    return input.multiline ? "Please write something first: even one line helps." : "Please fill this in.";
  }
  if (input.kind == FormInput::Kind::kChoice) {
    for (const Choice& choice : input.choices) {
      if (choice.value == value) return "";
    }
    return "Please pick one of the choices.";
  }
  if (CountCharacters(value) > input.max_length) {
    return "That is " + std::to_string(CountCharacters(value)) + " characters; at most " +
           std::to_string(input.max_length) + " fit.";
  }
  return "";
}

// The join form's profile inputs are checked exactly as `profile set` would.
void CheckProfileInputs(const Event& event, const Form& form, std::map<std::string, std::string>& errors) {
  Person scratch;
  scratch.ref = event.from.user;
  for (const FormInput& input : form.inputs) {
    auto field = ParseProfileField(input.name);
    if (!field || input.initial.empty() || errors.count(input.name)) continue;
    if (Status set = SetProfileField(scratch, *field, input.initial); !set.ok()) errors[input.name] = set.message();
  }
}
}  // namespace

Form PulseForm(const std::string& phase, const std::vector<std::string>& statements) {
  Form form{"pulse", phase, phase == "post" ? "Closing pulse survey" : "Opening pulse survey", "Send", {}};
  const std::vector<Choice> scale = {{"1", "1 · strongly disagree"}, {"2", "2 · disagree"}, {"3", "3 · neither"},
                                     {"4", "4 · agree"}, {"5", "5 · strongly agree"}};
  for (std::size_t i = 0; i < statements.size(); ++i) {
    form.inputs.push_back(FormInput{"q" + std::to_string(i + 1), statements[i], "Pick 1 to 5", "", false, 1,
                                    FormInput::Kind::kChoice, scale, true});
  }
  return form;
}

FormCommand CommandFromSubmission(const Event& event) {
  // Only input names and choices matter for checking, so the default statements do.
  static const std::array<Form, 6> kForms = {TakeawaysForm(), AgendaForm(), JoinForm(), WhenForm("schedule"),
                                             WhenForm("reschedule"), PulseForm("", ProgramRules{}.pulse_questions)};
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
    input.initial = it == event.fields.end() ? "" : std::string(Trim(it->second));
    if (std::string error = CheckInput(input, input.initial); !error.empty()) result.errors[input.name] = error;
  }
  if (form->id == "join") {
    CheckProfileInputs(event, result.form, result.errors);
    result.command = "join " + result.form.inputs.front().initial;
  } else {
    for (const FormInput& input : result.form.inputs) result.command += " " + input.initial;
  }
  return result;
}

}  // namespace mentorbot
