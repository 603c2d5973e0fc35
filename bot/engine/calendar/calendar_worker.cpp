#include "bot/engine/calendar/calendar_worker.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "bot/engine/calendar/invitation_file.h"
#include "bot/engine/calendar/session_event.h"
#include "bot/engine/calendar/time_request_work.h"
#include "bot/engine/delivery/notifications.h"

namespace mentorbot {

namespace {
// What the attendees read when a session leaves their calendars (Graph
// shows it; Google's delete has no comment, and the chat says why anyway).
constexpr const char* kCancelComment = "This reverse mentoring session was cancelled.";

struct SessionParties {
  Session session;
  Person mentor;
  Person mentee;
  std::vector<std::string> off_limits;
  bool pair_open = false;
};

std::optional<SessionParties> LoadParties(StoreTransaction& store, std::int64_t session_id) {
  auto session = store.sessions().Find(session_id);
  if (!session) return std::nullopt;
  auto pair = store.pairs().Find(session->pair_id);
  if (!pair) return std::nullopt;
  auto mentor = store.people().FindById(pair->mentor_id);
  auto mentee = store.people().FindById(pair->mentee_id);
  if (!mentor || !mentee) return std::nullopt;
  return SessionParties{*session, *mentor, *mentee, store.pairs().ListOffLimits(pair->id), pair->open()};
}

bool PairEnded(StoreTransaction& store, std::int64_t session_id) {
  auto session = store.sessions().Find(session_id);
  auto pair = session ? store.pairs().Find(session->pair_id) : std::nullopt;
  return !pair || !pair->open();
}

// The event the service should now hold for the entry's version.
CalendarEvent EventOf(const SessionCalendarEntry& entry, const SessionParties& parties) {
  CalendarEvent event =
      SessionEvent(parties.session, parties.mentor, parties.mentee, parties.off_limits, entry.cancelled);
  event.sequence = entry.sequence;
  return event;
}

// Tells both people the service could not take this version, with the
// invitation as a file so they can still put it in their calendar.
void TellNotBooked(CommandContext& context, const SessionCalendarEntry& entry, const SessionParties& parties) {
  const CalendarEvent event = EventOf(entry, parties);
  for (const bool to_mentee : {true, false}) {
    const Person& reader = to_mentee ? parties.mentee : parties.mentor;
    const Person& partner = to_mentee ? parties.mentor : parties.mentee;
    RichText lead = SessionLead(event, reader, partner, context.settings);
    if (entry.cancelled) {
      lead.Text(" is cancelled, but I could not take it out of your calendar: please delete it there.");
    } else {
      lead.Text(" stands, but I could not put it in your calendar (the calendar service is not answering or "
                "refused). Open the attached invitation to add it yourself.");
    }
    SendInvitationFile(context, parties.session, event, reader, partner, "calendar-fallback", lead);
  }
}
}  // namespace

CalendarWorker::CalendarWorker(Store& store, const Clock& clock, const ProgramSettings& settings,
                               std::map<std::string, CalendarService*> services, OutboxOptions options)
    : store_(store), clock_(clock), settings_(settings), services_(std::move(services)), options_(options) {}

int CalendarWorker::WorkDue() { return WorkDueSessions() + AnswerDueTimeRequests(); }

template <typename Item>
int CalendarWorker::Drain(const char* what, const ListDue<Item>& list_due, const SaveItem<Item>& save,
                          const std::function<void(const Item&)>& work) {
  int calls = 0;
  while (!signal_.stopping()) {
    const TimePoint now = clock_.Now();
    std::vector<Item> claimed;
    // Claiming pushes next_attempt_at a lease ahead, so another process (or
    // this one after a crash) takes the work again only once the lease ends.
    const Status status = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
      claimed.clear();
      for (Item item : list_due(store, now)) {
        item.next_attempt_at = now + options_.lease;
        save(store, item);
        claimed.push_back(std::move(item));
      }
    });
    if (!status.ok()) {
      spdlog::error("calendar: cannot claim due {}: {}", what, status.message());
      return calls;
    }
    for (const Item& item : claimed) {
      work(item);
      ++calls;
    }
    if (static_cast<int>(claimed.size()) < options_.batch) return calls;
  }
  return calls;
}

int CalendarWorker::WorkDueSessions() {
  return Drain<SessionCalendarEntry>(
      "sessions",
      [&](StoreTransaction& store, TimePoint now) {
        auto due = store.calendar().ListDue(now, options_.batch);
        // A session of a service this process lacks is left for one that has it.
        std::erase_if(due, [&](const SessionCalendarEntry& entry) { return !services_.count(entry.provider); });
        return due;
      },
      [](StoreTransaction& store, const SessionCalendarEntry& entry) { store.calendar().Save(entry); },
      [&](const SessionCalendarEntry& entry) {
        CalendarBooking booking;
        booking.status = Work(entry, booking);
        Finish(entry, booking);
      });
}

int CalendarWorker::AnswerDueTimeRequests() {
  return Drain<TimeRequest>(
      "time requests",
      [&](StoreTransaction& store, TimePoint now) { return store.calendar().ListDueTimeRequests(now, options_.batch); },
      [](StoreTransaction& store, const TimeRequest& request) { store.calendar().SaveTimeRequest(request); },
      [&](const TimeRequest& request) { Answer(request); });
}

CalendarCallStatus CalendarWorker::Work(const SessionCalendarEntry& entry, CalendarBooking& booking) {
  CalendarService& service = *services_.at(entry.provider);
  booking.event_id = entry.event_id;
  booking.join_url = entry.join_url;
  std::optional<SessionParties> parties;
  const Status read = store_.Run(Store::Access::kRead, [&](StoreTransaction& store) {
    parties = LoadParties(store, entry.session_id);
  });
  if (!read.ok()) return CalendarCallStatus::Retry("cannot read the session: " + read.message());
  // A session whose people were erased can only leave calendars.
  if (entry.cancelled || !parties) {
    if (entry.event_id.empty()) return CalendarCallStatus::Done();  // never made: nothing to cancel
    return service.Cancel(entry.mailbox, entry.event_id, kCancelComment);
  }
  CalendarBooking made = service.Put(entry.mailbox, EventOf(entry, *parties), entry.event_id);
  if (made.status.done()) {
    booking.event_id = made.event_id;
    if (!made.join_url.empty()) booking.join_url = made.join_url;
  }
  return made.status;
}

void CalendarWorker::Finish(const SessionCalendarEntry& claimed, const CalendarBooking& booking) {
  const TimePoint now = clock_.Now();
  const CalendarCallStatus& result = booking.status;
  const int attempt = claimed.attempts + 1;
  const bool give_up = result.outcome == CalendarCallStatus::Outcome::kPermanent ||
                       (result.outcome == CalendarCallStatus::Outcome::kRetry && attempt >= options_.max_attempts);
  bool enqueued = false;
  const Status saved = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
    // Re-read: a command may have raised the version while the call ran.
    auto entry = store.calendar().Find(claimed.session_id);
    if (!entry) return;
    if (!booking.event_id.empty()) entry->event_id = booking.event_id;
    entry->join_url = booking.join_url;
    if (result.done()) {
      if (claimed.cancelled && entry->sequence == claimed.sequence && PairEnded(store, claimed.session_id)) {
        entry->mailbox.clear();  // it can never come back: keep no email (forget-me ends the pair)
      }
      entry->synced_sequence = claimed.sequence;
      entry->attempts = 0;
      entry->last_error.clear();
      entry->next_attempt_at = now;  // due again at once if the version moved on
    } else if (entry->sequence != claimed.sequence) {
      entry->attempts = 0;  // a newer version replaces the failed one: it gets its own attempts
      entry->next_attempt_at = now;
      entry->last_error = result.error;
    } else if (give_up) {
      entry->gave_up = true;
      entry->last_error = result.error;
      if (auto parties = LoadParties(store, claimed.session_id)) {
        Event event;
        CommandContext context(event, store, settings_, now, std::nullopt, false, "calendar", "");
        TellNotBooked(context, *entry, *parties);
        enqueued = context.enqueued;
      }
    } else {
      entry->attempts = attempt;
      entry->last_error = result.error;
      const auto delay = result.retry_after.count() > 0 ? result.retry_after
                                                         : OutboxWorker::Backoff(options_, attempt, claimed.session_id);
      entry->next_attempt_at = now + delay;
    }
    store.calendar().Save(*entry);
  });
  if (!saved.ok()) {
    // The lease runs out and the session is worked again; every call is safe to repeat.
    spdlog::error("calendar: session {} outcome not saved: {}", claimed.session_id, saved.message());
    return;
  }
  if (result.done()) {
    ++booked_;
    spdlog::info("calendar: session {} version {} {} in {}", claimed.session_id, claimed.sequence,
                 claimed.cancelled ? "cancelled" : "booked", claimed.provider);
  } else {
    if (give_up) ++gave_up_;
    spdlog::warn("calendar: session {} version {} not done in {} (attempt {}): {}{}", claimed.session_id,
                 claimed.sequence, claimed.provider, attempt, result.error, give_up ? " (gave up; people told)" : "");
  }
  if (enqueued && outbox_listener_) outbox_listener_();
}

void CalendarWorker::Answer(const TimeRequest& request) {
  std::optional<TimeRequestParties> parties;
  Status status = store_.Run(Store::Access::kRead, [&](StoreTransaction& store) {
    parties = LoadTimeRequestParties(store, request.pair_id);
  });
  if (!status.ok()) {
    spdlog::error("calendar: cannot read time request of pair {}: {}", request.pair_id, status.message());
    return;  // the lease runs out and it is tried again
  }
  CalendarCallStatus read = CalendarCallStatus::Done();
  CalendarsRead calendars;
  if (parties && !parties->mentee.profile.email.empty()) {
    const auto service = services_.find(request.provider);
    if (service != services_.end()) {
      calendars = ReadCalendars(*service->second, *parties, clock_.Now(), read);
    } else {
      calendars.service = true;  // not configured here (any more): working hours, said so
      read = CalendarCallStatus::Permanent("no " + request.provider + " service in this process");
    }
  }
  const int attempt = request.attempts + 1;
  const bool again = read.outcome == CalendarCallStatus::Outcome::kRetry && attempt < kTimeRequestAttempts &&
                     read.retry_after <= kLongestTimeRequestWait;
  bool enqueued = false;
  bool answered = false;
  const TimePoint now = clock_.Now();
  status = store_.Run(Store::Access::kWrite, [&](StoreTransaction& store) {
    // The mentee may have asked again while the service was read: the newer
    // request is due, and this answer is stale.
    const auto current = store.calendar().FindTimeRequest(request.pair_id);
    if (!current || current->requested_at != request.requested_at) return;
    // Read again: a forget-me or an unpair may have come meanwhile.
    const auto now_parties = LoadTimeRequestParties(store, request.pair_id);
    if (!now_parties) {
      store.calendar().EraseTimeRequest(request.pair_id);
    } else if (again) {
      TimeRequest retry = request;
      retry.attempts = attempt;
      retry.next_attempt_at =
          now + std::max(read.retry_after, OutboxWorker::Backoff(options_, attempt, request.pair_id));
      store.calendar().SaveTimeRequest(retry);
    } else {
      enqueued = SendSuggestedTimes(store, settings_, now, request, *now_parties, calendars);
      answered = true;
    }
  });
  if (!status.ok()) {
    spdlog::error("calendar: time request of pair {} not answered: {}", request.pair_id, status.message());
    return;
  }
  if (!read.done()) {
    spdlog::warn("calendar: free/busy of pair {} not read from {} (attempt {}): {}{}", request.pair_id,
                 request.provider, attempt, read.error, again ? "" : " (times sent from working hours)");
  }
  if (answered) ++times_sent_;
  if (enqueued && outbox_listener_) outbox_listener_();
}

void CalendarWorker::Run() {
  std::chrono::seconds wait = options_.idle_recheck;
  do {
    const int worked = WorkDue();
    std::optional<TimePoint> next;
    store_.Run(Store::Access::kRead, [&](StoreTransaction& store) {
      next = store.calendar().NextDueAt();
      if (auto request = store.calendar().NextTimeRequestAt(); request && (!next || *request < *next)) next = request;
    });
    wait = options_.idle_recheck;
    if (next) {
      wait = std::clamp(std::chrono::duration_cast<std::chrono::seconds>(*next - clock_.Now()), std::chrono::seconds(0),
                        wait);
      // Due but nothing could be claimed (a service this process lacks, a
      // storage error): look again later rather than spin.
      if (wait.count() == 0 && worked == 0) wait = options_.idle_recheck;
    }
  } while (signal_.Wait(wait));
}

}  // namespace mentorbot
