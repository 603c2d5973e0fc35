#include "bot/engine/calendar/when_form.h"

namespace mentorbot {

Form WhenForm(const std::string& verb, const std::string& initial) {
  const bool move = verb == "reschedule";
  return Form{verb, "", move ? "Move the session" : "Propose a time", move ? "Move" : "Propose",
              {FormInput{"when", "When? In your own time zone", "tomorrow 15:00, tue 14:00 or 2026-12-01 15:00", initial,
                         false, 100}}};
}

}  // namespace mentorbot
