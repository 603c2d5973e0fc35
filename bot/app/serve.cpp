// mentorbot serve: the webhook server and its background threads, stopped
// cleanly by SIGINT/SIGTERM within kStopDeadline: /readyz turns 503, the
// listening socket closes, requests already being read or handled are
// answered, the outbox worker finishes the delivery in flight (everything
// undelivered stays in the database), and every thread is joined.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "bot/app/service_threads.h"
#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"

namespace mentorbot {

namespace {
// Supervisors wait about 10 s before SIGKILL; this leaves a margin for
// closing the database after the threads are joined.
constexpr std::chrono::milliseconds kStopDeadline{9000};

// Blocks SIGINT/SIGTERM in every thread (call before any thread starts) and
// returns the set, so one thread can wait for them with sigwait: no work is
// ever done inside a signal handler.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}
}  // namespace

int RunServe(const Config& config, const Secrets& secrets) {
  const sigset_t stop_signals = BlockStopSignals();
  SystemClock clock;
  auto wiring = Wiring::Create(config, secrets, clock);
  if (!wiring.ok()) {
    spdlog::critical("cannot start: {}", wiring.status().message());
    return 1;
  }
  if (!(*wiring)->slack_configured()) {
    spdlog::warn("SLACK_SIGNING_SECRET is not set: every request to /slack/commands will be refused");
  }
  if (!(*wiring)->slack_can_send()) {
    spdlog::warn("SLACK_BOT_TOKEN is not set: messages to Slack users stay queued until a bot with the token runs");
  }
  if ((*wiring)->teams_local_development()) {
    spdlog::warn("Teams LOCAL DEVELOPMENT MODE (teams.allow_unauthenticated, no TEAMS_APP_ID): /api/messages accepts "
                 "unsigned activities from loopback with a loopback serviceUrl, and replies go without a token");
  } else if (!(*wiring)->teams_authenticated()) {
    spdlog::warn("TEAMS_APP_ID is not set: every request to /api/messages will be refused");
  } else if (!(*wiring)->teams_can_send()) {
    spdlog::warn("TEAMS_APP_PASSWORD is not set: messages to Teams users stay queued until a bot with it runs");
  }
  if (const MetricsEndpoint* metrics = (*wiring)->metrics(); metrics != nullptr && !metrics->protected_by_token()) {
    spdlog::warn("METRICS_TOKEN is not set: GET /metrics is open to anyone who can reach {}", config.server_host);
  }
  WebhookServer server(ServerOptions{config.server_threads, config.server_active_requests,
                                     static_cast<std::size_t>(config.server_max_body_bytes)});
  (*wiring)->AddRoutes(server);
  auto port = server.Bind(config.server_host, config.server_port);
  if (!port.ok()) {
    spdlog::critical("cannot start: server.port: {}", port.status().message());
    return 1;
  }
  std::printf("mentorbot listening on http://%s:%d\n", config.server_host.c_str(), *port);
  std::fflush(stdout);
  spdlog::info("listening on {}:{} with database {}", config.server_host, *port, config.database_path);

  Wiring& parts = **wiring;
  const pthread_t main_thread = pthread_self();
  ServiceThreads threads;
  threads.Start("http", [&server, main_thread] {
    server.Serve();
    // Serve returns by itself only if listening failed: wake the main thread.
    if (!server.shutting_down()) pthread_kill(main_thread, SIGTERM);
  }, [&server] { server.Stop(); });
  threads.Start("outbox", [&parts] { parts.outbox().Run(); }, [&parts] { parts.outbox().Stop(); });
  threads.Start("calendar", [&parts] { parts.calendar().Run(); }, [&parts] { parts.calendar().Stop(); });
  if (config.scheduler_enabled) {
    threads.Start("scheduler", [&parts] { parts.scheduler_loop().Run(); }, [&parts] { parts.scheduler_loop().Stop(); });
  } else {
    spdlog::info("scheduler disabled: run `mentorbot tick` from cron");
  }
  threads.Start("profile sync", [&parts] { parts.profile_sync().Run(); }, [&parts] { parts.profile_sync().Stop(); });
  if (parts.has_directories()) {
    threads.Start("directory sync", [&parts] { parts.directory_sync().Run(); },
                  [&parts] { parts.directory_sync().Stop(); });
  }
  threads.Start("slack views", [&parts] { parts.slack_views().Run(); }, [&parts] { parts.slack_views().Stop(); });
  threads.Start("slack files", [&parts] { parts.slack_files().Run(); }, [&parts] { parts.slack_files().Stop(); });
  threads.Start("teams files", [&parts] { parts.teams_files().Run(); }, [&parts] { parts.teams_files().Stop(); });
  threads.Start("teams uploads", [&parts] { parts.teams_uploads().Run(); }, [&parts] { parts.teams_uploads().Stop(); });

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  const auto stop_started = std::chrono::steady_clock::now();
  server.BeginShutdown();
  spdlog::info("signal {} received: shutting down: {} requests in flight", signal_number, server.in_flight());
  // Undelivered messages are rows in the database: the next start sends them.
  const auto still_running = threads.StopAll(stop_started + kStopDeadline);
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - stop_started);
  if (!still_running.empty()) {
    std::string names;
    for (const auto& name : still_running) names += (names.empty() ? "" : ", ") + name;
    spdlog::error("not stopped after {} ms: {} ({} requests in flight); exiting anyway", elapsed.count(), names,
                  server.in_flight());
    spdlog::default_logger()->flush();
    // Threads still use the wiring: skip destructors. Committed work is on disk.
    std::_Exit(1);
  }
  spdlog::info("stopped in {} ms", elapsed.count());
  return 0;
}

}  // namespace mentorbot
