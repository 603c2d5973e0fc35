// The forms the bot offers (takeaways, agenda, join) and how a submitted form
// becomes a command: each form names the command that takes it, and its
// inputs are validated here, once for every platform, before the command
// runs. Pure functions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bot/core/event.h"
#include "bot/core/message.h"

namespace mentorbot {

inline constexpr std::size_t kMaxAgendaLength = 3000;
inline constexpr std::size_t kMaxTakeawaysLength = 4000;

// `initial` pre-fills the text box (editing what was written before).
Form TakeawaysForm(const std::string& initial = "");
Form AgendaForm(const std::string& initial = "");
// Enrolment: the role and the profile facts matching needs, in one go. The
// submission runs `join <role>`, and the join command saves the profile
// inputs (named as in `profile set`) from the event's fields.
Form JoinForm();
// The pulse survey for `phase` ("pre" or "post"): one 1-5 choice per
// statement (q1, q2, …); the submission runs `pulse <phase> <r1> <r2> …`.
Form PulseForm(const std::string& phase, const std::vector<std::string>& statements);
// "Find a time": runs `schedule` without a time, which suggests times both
// people of the pair are free.
Button FindATimeButton();

struct FormCommand {
  std::string command;                        // the command text to run when valid
  std::map<std::string, std::string> errors;  // input name -> what is wrong; empty when valid
  bool unknown_form = false;                  // no such form (an old or forged submission)
  Form form;  // the form filled with what was submitted, to show again with the errors
};

// REQUIRES: event.kind == EventKind::kFormSubmission.
FormCommand CommandFromSubmission(const Event& event);

}  // namespace mentorbot
