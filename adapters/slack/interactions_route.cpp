#include "adapters/slack/interactions_route.h"

#include "adapters/common/form_decoding.h"
#include "adapters/common/utf8.h"
#include "adapters/slack/block_kit_views.h"
#include "adapters/slack/slack_request.h"

namespace mentorbot {

namespace {
using nlohmann::json;
using Surface = SlackInteraction::Surface;

constexpr std::size_t kMaxErrorText = 2000;

HttpResponse EmptyAck() { return HttpResponse::Text(200, ""); }

HttpResponse TryAgainLater(RequestLogFields& log) {
  log.detail = "store unavailable";
  return HttpResponse::Text(503, "try again later\n");
}

const Form* FirstForm(const Message& message) {
  for (const Section& section : message.sections) {
    if (section.form) return &*section.form;
  }
  return nullptr;
}

// Where the answer to a button in a message goes: in place of that message
// when only the presser sees it (their DM with the bot, or an ephemeral
// message), else to their DM — a private answer never replaces a message
// others can read.
Address AnswerAddress(const SlackInteraction& interaction) {
  Address to{interaction.event.from.user};
  const bool direct_message = !interaction.channel_id.empty() && interaction.channel_id.front() == 'D';
  if (interaction.ephemeral && !interaction.response_url.empty()) {
    to.conversation_id = interaction.channel_id;
    to.replaces = interaction.response_url;
  } else if (!interaction.ephemeral && direct_message && !interaction.message_ts.empty()) {
    to.conversation_id = interaction.channel_id;
    to.replaces = interaction.message_ts;
  }
  return to;
}

HttpResponse ModalAnswer(const json& answer) {
  return HttpResponse::Json(answer.dump(-1, ' ', false, json::error_handler_t::replace));
}
}  // namespace

void PublishHome(EventHandler& handler, SlackViews& views, const Address& user) {
  Event home;
  home.kind = EventKind::kCommand;
  home.text = "home";
  home.from = user;
  Reply reply = handler.Handle(home);
  if (!reply.failed) views.Publish(user.user.user_id, RenderHomeView(reply.message));
}

HttpResponse SlackInteractionsRoute::Handle(const HttpRequest& request, RequestLogFields& log) const {
  if (auto rejected = RejectSlackRequest(verifier_, request, "application/x-www-form-urlencoded", log)) return *rejected;
  auto form = DecodeForm(request.body);
  if (!form || !form->Has("payload")) {
    log.detail = form ? "no payload field" : "malformed form encoding";
    return HttpResponse::Text(400, "expected a payload field\n");
  }
  auto interaction = ParseInteraction(form->Get("payload"));
  if (!interaction.ok()) {
    log.detail = interaction.status().message();
    return HttpResponse::Text(400, interaction.status().message() + "\n");
  }
  log.workspace = interaction->event.from.user.workspace;
  log.user = interaction->event.from.user.user_id;
  switch (interaction->type) {
    case SlackInteraction::Type::kBlockAction: return Press(*interaction, log);
    case SlackInteraction::Type::kViewSubmission: return Submit(*interaction, log);
    case SlackInteraction::Type::kIgnored: break;
  }
  log.detail = "ignored " + interaction->payload_type;
  return EmptyAck();
}

HttpResponse SlackInteractionsRoute::Press(SlackInteraction& interaction, RequestLogFields& log) const {
  log.detail = "action " + interaction.event.action_id;
  if (interaction.opens_form) return OpenForm(interaction, log);
  if (interaction.surface == Surface::kMessage) {
    interaction.event.queue_reply_to = AnswerAddress(interaction);
    Reply reply = handler_.Handle(interaction.event);
    return reply.failed ? TryAgainLater(log) : EmptyAck();
  }
  Reply reply = handler_.Handle(interaction.event);
  if (reply.failed) return TryAgainLater(log);
  if (interaction.surface == Surface::kModal) {
    views_.Update(interaction.view_id, RenderReplyModal(reply.message));
  } else {
    views_.Open(interaction.trigger_id, RenderReplyModal(reply.message));
    PublishHome(handler_, views_, interaction.event.from);
  }
  return EmptyAck();
}

HttpResponse SlackInteractionsRoute::OpenForm(const SlackInteraction& interaction, RequestLogFields& log) const {
  // The form's command without text answers with the form, pre-filled (or
  // says why there is nothing to fill in).
  Event ask = interaction.event;
  ask.kind = EventKind::kCommand;
  ask.text = interaction.event.action_id + (interaction.event.action_value.empty() ? "" : " " + interaction.event.action_value);
  Reply reply = handler_.Handle(ask);
  if (reply.failed) return TryAgainLater(log);
  const Form* form = FirstForm(reply.message);
  json view = form ? RenderFormModal(*form, ModalContext{form->argument, interaction.surface == Surface::kHome})
                   : RenderReplyModal(reply.message);
  // Slack opens one modal at a time: from inside a modal, the form goes on top.
  if (interaction.surface == Surface::kModal) {
    views_.Push(interaction.trigger_id, std::move(view));
  } else {
    views_.Open(interaction.trigger_id, std::move(view));
  }
  return EmptyAck();
}

HttpResponse SlackInteractionsRoute::Submit(const SlackInteraction& interaction, RequestLogFields& log) const {
  log.detail = "submitted " + interaction.event.action_id;
  Reply reply = handler_.Handle(interaction.event);
  if (reply.failed && !interaction.event.fields.empty()) {
    // Keep the modal (and what was typed) open: nothing was saved.
    log.detail = "store unavailable";
    return ModalAnswer({{"response_action", "errors"},
                        {"errors", {{interaction.event.fields.begin()->first,
                                     "I couldn't save this just now. Nothing is lost: please press the button again in a minute."}}}});
  }
  if (reply.failed) return TryAgainLater(log);
  if (!reply.field_errors.empty()) {
    json errors = json::object();
    for (const auto& [input, error] : reply.field_errors) errors[input] = TruncateCodePoints(error, kMaxErrorText);
    log.detail += " (refused inputs)";
    return ModalAnswer({{"response_action", "errors"}, {"errors", std::move(errors)}});
  }
  if (interaction.modal.from_home) PublishHome(handler_, views_, interaction.event.from);
  return ModalAnswer({{"response_action", "update"}, {"view", RenderReplyModal(reply.message)}});
}

}  // namespace mentorbot
