// bot/engine/calendar/ — sessions in people's calendars: the event a
// session is (one stable identity, a SEQUENCE raised with each change), the
// iCalendar file that carries it, and keeping both people's calendars in
// step as the session is confirmed, moved, changed or cancelled.
// May use: delivery, time.
//
// The event types themselves are the core's (bot/core/calendar_event.h):
// the calendar services in adapters/ speak them too.
#pragma once

#include "bot/core/calendar_event.h"
