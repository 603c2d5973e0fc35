#include "bot/engine/directory/directory_sync.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "bot/engine/command_text.h"
#include "bot/engine/delivery/notifications.h"
#include "bot/engine/directory/departures.h"
#include "bot/engine/directory/reorg_review.h"

namespace mentorbot {

namespace {
// Whose ids a source's people carry.
Platform PlatformOfSource(const std::string& name) { return name == "graph" ? Platform::kTeams : Platform::kSlack; }

std::chrono::milliseconds Since(std::chrono::steady_clock::time_point start, std::chrono::steady_clock::time_point end) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(end - start);
}

std::string Seconds(std::chrono::milliseconds time) {
  const long tenths = static_cast<long>(time.count() / 100);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

// The directory sync acts as no one: its messages come from the program.
Event SyncEvent() {
  Event event;
  event.from = Address{UserRef{Platform::kConsole, "local", "directory-sync"}};
  return event;
}
}  // namespace

std::string SummaryLine(const DirectorySyncSummary& summary) {
  const std::string what = summary.source + (summary.workspace.empty() ? "" : " " + summary.workspace) +
                           (summary.full ? " full sync" : " incremental sync");
  if (!summary.status.ok()) return what + " failed, nothing changed: " + summary.status.message();
  const DirectoryChanges& c = summary.changes;
  return what + ": " + std::to_string(c.people_read) + (c.people_read == 1 ? " person" : " people") + " read, " + std::to_string(c.added) + " added, " +
         std::to_string(c.changed) + " changed, " + std::to_string(c.deactivated) + " deactivated, " +
         Counted(c.managers_changed, "manager") + " changed, " + Counted(c.profiles_updated, "participant profile") +
         " updated, " + Counted(summary.departed, "participant") + " left, " +
         Counted(summary.pairs_to_review, "pair") + " to review, " + Counted(c.problems.size(), "problem") + "; " +
         Counted(summary.requests, "request") + ", read " + Seconds(summary.read_time) + ", write " +
         Seconds(summary.write_time);
}

Message SummaryMessage(const std::vector<DirectorySyncSummary>& summaries) {
  RichText text("Directory sync done.");
  for (const auto& summary : summaries) text.Text("\n• " + SummaryLine(summary));
  if (summaries.empty()) text = RichText("No directory is configured, so nothing was synced.");
  Message message = Note(text);
  message.summary = "Directory sync done";
  return message;
}

DirectorySync::DirectorySync(Store& store, const Clock& clock, ProgramSettings settings,
                             std::vector<DirectorySource*> sources, DirectorySchedule schedule, MonotonicNow monotonic_now)
    : store_(store), clock_(clock), settings_(std::move(settings)), sources_(std::move(sources)), schedule_(schedule),
      monotonic_now_(std::move(monotonic_now)) {
  for (DirectorySource* source : sources_) full_read_pending_.insert(source->name());
}

std::vector<std::string> DirectorySync::WatchIds(DirectorySource& source, const std::string& workspace) {
  std::vector<std::string> ids;
  const Platform platform = PlatformOfSource(source.name());
  store_.Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    ids.clear();
    for (const auto& person : tx.people().ListActive()) {
      if (person.ref.platform != platform) continue;
      if (!workspace.empty() && person.ref.workspace != workspace) continue;
      ids.push_back(person.ref.user_id);
    }
  });
  return ids;
}

DirectorySyncSummary DirectorySync::SyncSource(DirectorySource& source, bool full, const DirectoryProgress& progress) {
  DirectorySyncSummary summary;
  summary.source = source.name();
  DirectorySyncState state;
  store_.Run(Store::Access::kRead, [&](StoreTransaction& tx) {
    state = tx.directory().FindState(source.name()).value_or(DirectorySyncState{source.name()});
  });
  DirectoryRequest request;
  request.full = full || state.delta.empty();
  request.delta = request.full ? "" : state.delta;
  request.watch_ids = WatchIds(source, state.workspace);
  const auto read_start = monotonic_now_();
  auto read = source.Read(request, progress);
  if (!read.ok() && !request.full && read.status().code() == StatusCode::kInvalidArgument) {
    spdlog::info("directory: {} delta expired ({}), reading in full", source.name(), read.status().message());
    request.full = true;
    request.delta.clear();
    read = source.Read(request, progress);
  }
  summary.full = request.full;
  summary.read_time = Since(read_start, monotonic_now_());
  const TimePoint now = clock_.Now();
  if (!read.ok()) {
    summary.status = read.status();
    state.last_error = read.status().message();
    store_.Run(Store::Access::kWrite, [&](StoreTransaction& tx) { tx.directory().SaveState(state); });
    spdlog::warn("directory: {}", SummaryLine(summary));
    return summary;
  }
  summary.workspace = read->workspace;
  summary.requests = read->requests;
  const auto write_start = monotonic_now_();
  summary.status = store_.Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
    summary.changes = MergeDirectoryRead(tx, source.name(), *read, now);
    const Event event = SyncEvent();
    CommandContext context(event, tx, settings_, now, std::nullopt, false, "directory", "");
    summary.departed = 0;
    for (std::int64_t person : summary.changes.departed) {
      HandleDeparture(context, person);
      ++summary.departed;
    }
    summary.pairs_to_review = ReviewOpenPairs(tx, settings_, now);
    DirectorySyncState saved = state;
    saved.workspace = read->workspace;
    if (!read->next_delta.empty() || request.full) saved.delta = read->next_delta;
    (request.full ? saved.last_full_at : saved.last_incremental_at) = now;
    saved.last_error.clear();
    tx.directory().SaveState(saved);
  });
  summary.write_time = Since(write_start, monotonic_now_());
  for (const auto& problem : summary.changes.problems) {
    spdlog::warn("directory: {} person {}: {}", source.name(), problem.person_id, problem.reason);
  }
  spdlog::info("directory: {}", SummaryLine(summary));
  return summary;
}

std::vector<DirectorySyncSummary> DirectorySync::SyncAll(bool full, const std::string& workspace,
                                                         const DirectoryProgress& progress) {
  std::vector<DirectorySyncSummary> summaries;
  for (DirectorySource* source : sources_) {
    if (!workspace.empty()) {
      std::optional<DirectorySyncState> state;
      store_.Run(Store::Access::kRead, [&](StoreTransaction& tx) { state = tx.directory().FindState(source->name()); });
      if (state && !state->workspace.empty() && state->workspace != workspace) continue;
    }
    auto summary = SyncSource(*source, full, progress);
    if (!workspace.empty() && summary.status.ok() && summary.workspace != workspace) continue;
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

std::chrono::seconds DirectorySync::RunDue() {
  std::vector<std::string> admins;
  store_.Run(Store::Access::kWrite, [&](StoreTransaction& tx) { admins = tx.directory().TakeSyncRequests(); });
  if (!admins.empty()) {
    const auto summaries = SyncAll(true, "", {});
    const TimePoint now = clock_.Now();
    const std::string at = std::to_string(now.time_since_epoch().count());
    store_.Run(Store::Access::kWrite, [&](StoreTransaction& tx) {
      for (const auto& key : admins) {
        if (auto admin = UserRef::Parse(key)) {
          tx.outbox().Enqueue("directory-sync:" + at + ":" + key, Address{*admin}, SummaryMessage(summaries), now, now);
        }
      }
    });
  }
  auto next = std::chrono::seconds(schedule_.incremental_every);
  for (DirectorySource* source : sources_) {
    std::optional<DirectorySyncState> state;
    store_.Run(Store::Access::kRead, [&](StoreTransaction& tx) { state = tx.directory().FindState(source->name()); });
    const TimePoint now = clock_.Now();
    if (auto retry = retry_at_.find(source->name()); retry != retry_at_.end() && now < retry->second) {
      next = std::min(next, std::chrono::duration_cast<std::chrono::seconds>(retry->second - now));
      continue;
    }
    const auto since = [&](const std::optional<TimePoint>& at) {
      return at ? std::chrono::duration_cast<std::chrono::seconds>(now - *at) : std::chrono::seconds::max();
    };
    const auto since_full = state ? since(state->last_full_at) : std::chrono::seconds::max();
    const auto since_any = state ? std::min(since_full, since(state->last_incremental_at)) : since_full;
    const bool full = since_full >= schedule_.full_every || full_read_pending_.count(source->name()) > 0;
    if (full || since_any >= schedule_.incremental_every) {
      const auto summary = SyncSource(*source, full, {});
      if (summary.status.ok()) {
        retry_at_.erase(source->name());
        if (full) full_read_pending_.erase(source->name());
      } else {
        retry_at_[source->name()] = now + kRetryAfterFailure;  // the directory is down: not every minute
      }
      continue;
    }
    next = std::min({next, std::chrono::duration_cast<std::chrono::seconds>(schedule_.incremental_every) - since_any,
                     std::chrono::duration_cast<std::chrono::seconds>(schedule_.full_every) - since_full});
  }
  return std::max(next, std::chrono::seconds(1));
}

void DirectorySync::Run() {
  do {
    const auto next = RunDue();
    // Woken by an admin's request; otherwise at most a minute, so a clock
    // change or a failed read is looked at again soon.
    if (!signal_.Wait(std::min(next, std::chrono::seconds(60)))) break;
  } while (true);
}

}  // namespace mentorbot
