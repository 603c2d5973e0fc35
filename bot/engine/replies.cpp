#include "bot/engine/replies.h"

namespace mentorbot {

Reply Say(const RichText& text) {
  Reply reply;
  reply.message.summary = text.PlainText();
  reply.message.sections.push_back(Section{text, {}, {}});
  return reply;
}

Reply Problem(const RichText& what_was_wrong, const RichText& what_to_do) {
  Reply reply;
  reply.message.summary = what_was_wrong.PlainText();
  reply.message.sections.push_back(Section{what_was_wrong, {}, {}});
  reply.message.sections.push_back(Section{what_to_do, {}, {}});
  return reply;
}

}  // namespace mentorbot
