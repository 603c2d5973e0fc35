// mentorbot serve: the webhook server, stopped cleanly by SIGINT/SIGTERM.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <thread>

#include "bot/app/subcommands.h"
#include "bot/app/system_clock.h"
#include "bot/app/wiring.h"

namespace mentorbot {

namespace {
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
  WebhookServer server(ServerOptions{config.server_threads, static_cast<std::size_t>(config.server_max_body_bytes)});
  (*wiring)->AddRoutes(server);
  auto port = server.Bind(config.server_host, config.server_port);
  if (!port.ok()) {
    spdlog::critical("cannot start: server.port: {}", port.status().message());
    return 1;
  }
  std::printf("mentorbot listening on http://%s:%d\n", config.server_host.c_str(), *port);
  std::fflush(stdout);
  spdlog::info("listening on {}:{} with database {}", config.server_host, *port, config.database_path);

  std::thread outbox([&wiring] { (*wiring)->outbox().Run(); });
  std::thread scheduler([&wiring, &config] {
    if (config.scheduler_enabled) (*wiring)->scheduler_loop().Run();
  });
  if (!config.scheduler_enabled) spdlog::info("scheduler disabled: run `mentorbot tick` from cron");
  std::thread profile_sync([&wiring] { (*wiring)->profile_sync().Run(); });
  std::thread slack_views([&wiring] { (*wiring)->slack_views().Run(); });
  std::thread slack_files([&wiring] { (*wiring)->slack_files().Run(); });
  std::thread teams_files([&wiring] { (*wiring)->teams_files().Run(); });
  std::thread stopper([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    spdlog::info("signal {} received: stopping", signal_number);
    server.Stop();
  });
  server.Serve();
  // Serve only returns after Stop; wake the stopper if Serve ended otherwise.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  // Messages not yet delivered stay in the database for the next start.
  (*wiring)->slack_views().Stop();
  slack_views.join();
  (*wiring)->slack_files().Stop();
  slack_files.join();
  (*wiring)->teams_files().Stop();
  teams_files.join();
  (*wiring)->profile_sync().Stop();
  profile_sync.join();
  (*wiring)->scheduler_loop().Stop();
  scheduler.join();
  (*wiring)->outbox().Stop();
  outbox.join();
  spdlog::info("stopped");
  return 0;
}

}  // namespace mentorbot
