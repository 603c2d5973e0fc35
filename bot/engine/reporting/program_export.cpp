#include "bot/engine/reporting/program_export.h"

#include "bot/engine/reporting/csv_writer.h"
#include "bot/engine/time/iso_time.h"

namespace mentorbot {

namespace {
std::string Time(const std::optional<TimePoint>& time) { return time ? FormatIsoTime(*time) : ""; }
std::string Id(std::int64_t id) { return std::to_string(id); }

class CsvFile {
 public:
  CsvFile(std::string name, const std::vector<std::string>& header) : file_{std::move(name), CsvRow(header), 0} {}
  void Add(const std::vector<std::string>& fields) {
    file_.content += CsvRow(fields);
    ++file_.rows;
  }
  ExportFile Take() { return std::move(file_); }

 private:
  ExportFile file_;
};
}  // namespace

std::vector<ExportFile> BuildProgramExport(StoreTransaction& store) {
  CsvFile people("people.csv", {"id", "user", "name", "role", "enrolment", "department", "level", "manager", "time_zone",
                                "location", "capacity", "joined_at", "left_at"});
  for (const Person& p : store.people().ListAll()) {
    people.Add({Id(p.id), p.ref.Key(), p.display_name, std::string(RoleName(p.role)), p.active() ? "active" : "left",
                p.profile.department, p.profile.level ? std::to_string(*p.profile.level) : "", p.profile.manager,
                p.profile.time_zone, p.profile.location, std::to_string(p.capacity), FormatIsoTime(p.joined_at),
                Time(p.left_at)});
  }
  CsvFile pairs("pairs.csv", {"id", "mentor_id", "mentee_id", "state", "created_at", "paused_until", "ended_at",
                              "end_reason"});
  for (const Pair& p : store.pairs().ListAll()) {
    pairs.Add({Id(p.id), Id(p.mentor_id), Id(p.mentee_id), std::string(PairStateName(p.state)),
               FormatIsoTime(p.created_at), Time(p.paused_until), Time(p.ended_at), p.end_reason});
  }
  CsvFile sessions("sessions.csv", {"id", "pair_id", "state", "starts_at", "minutes", "scheduled", "agenda_set_at",
                                    "takeaways_written_at", "held_at", "created_at"});
  for (const Session& s : store.sessions().ListAll()) {
    sessions.Add({Id(s.id), Id(s.pair_id), std::string(SessionStateName(s.state)), FormatIsoTime(s.starts_at),
                  std::to_string(s.minutes), s.scheduled ? "yes" : "no", Time(s.agenda_set_at), Time(s.takeaways_at),
                  Time(s.held_at), FormatIsoTime(s.created_at)});
  }
  CsvFile feedback("feedback.csv", {"session_id", "person_id", "rating", "at"});
  for (const Feedback& f : store.sessions().ListFeedback()) {
    feedback.Add({Id(f.session_id), Id(f.person_id), std::to_string(f.rating), FormatIsoTime(f.at)});
  }
  CsvFile pulse("pulse.csv", {"person_id", "pair_id", "phase", "question", "rating", "at"});
  for (const PulseAnswer& a : store.surveys().ListAnswers()) {
    pulse.Add({Id(a.person_id), Id(a.pair_id), a.phase, std::to_string(a.question), std::to_string(a.rating),
               FormatIsoTime(a.at)});
  }
  return {people.Take(), pairs.Take(), sessions.Take(), feedback.Take(), pulse.Take()};
}

}  // namespace mentorbot
