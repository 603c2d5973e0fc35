// What pair commands check before they act: that the actor has a pair, that
// it is not paused, that they hold the right role. Each check yields either
// the pair or the reply that explains what to do instead.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "bot/core/message.h"
#include "bot/engine/command_context.h"
#include "bot/engine/program/pair_view.h"

namespace mentorbot {

class PairOrReply {
 public:
  PairOrReply(PairView view) : view_(std::move(view)) {}  // NOLINT: implicit on purpose
  PairOrReply(Reply reply) : reply_(std::move(reply)) {}  // NOLINT

  bool ok() const { return view_.has_value(); }
  PairView* operator->() { return &*view_; }
  PairView& operator*() { return *view_; }
  // REQUIRES: !ok().
  Reply status_reply() const { return *reply_; }

 private:
  std::optional<PairView> view_;
  std::optional<Reply> reply_;
};

// The actor's pair (active or paused).
PairOrReply RequirePair(CommandContext& context);
// The actor's pair, not paused.
PairOrReply RequireActivePair(CommandContext& context);
// As RequireActivePair, and the actor is its mentee; `why` explains to a mentor.
PairOrReply RequireMenteeOfActivePair(CommandContext& context, std::string_view why);
// As RequirePair, and the actor is its mentee.
PairOrReply RequireMenteeOfPair(CommandContext& context, std::string_view why);

}  // namespace mentorbot
