#include "bot/engine/matching/match_scoring.h"

#include <date/tz.h>

#include <algorithm>
#include <cstdlib>

#include "bot/engine/command_text.h"
#include "bot/engine/time/time_zone.h"

namespace mentorbot {

namespace {

constexpr int kWorkingDayMinutes = 8 * 60;
constexpr int kFullOverlapMinutes = 4 * 60;  // full time-zone points from here
constexpr int kSomeOverlapMinutes = 60;      // half points from here
// Backgrounds sharing less than this share of their words (Jaccard index,
// as a fraction kJaccardNumerator / kJaccardDenominator) count as different.
constexpr int kJaccardNumerator = 34;
constexpr int kJaccardDenominator = 100;
constexpr std::size_t kMinWordCharacters = 3;

int Intern(std::unordered_map<std::string, int>& ids, std::string key) {
  // Ids start at 1: 0 means "not given".
  auto [it, added] = ids.try_emplace(std::move(key), static_cast<int>(ids.size()) + 1);
  return it->second;
}

// Words are runs of ASCII letters and digits plus any non-ASCII bytes (so
// "München" stays one word); ASCII is lower-cased, length is in characters.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  std::size_t characters = 0;
  auto flush = [&] {
    if (characters >= kMinWordCharacters) words.push_back(word);
    word.clear();
    characters = 0;
  };
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool ascii_word = (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
    if (!ascii_word && byte < 0x80) {
      flush();
      continue;
    }
    word.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : c);
    if ((byte & 0xC0) != 0x80) ++characters;  // not a UTF-8 continuation byte
  }
  flush();
  return words;
}

// |a ∩ b| and |a ∪ b| of two sorted, distinct lists.
std::pair<int, int> OverlapAndUnion(const std::vector<int>& a, const std::vector<int>& b) {
  int common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return {common, static_cast<int>(a.size() + b.size()) - common};
}

// "6", "3.5", "2.25": hours from whole minutes (offsets are in quarter hours).
std::string Hours(int minutes) {
  std::string text = std::to_string(minutes / 60);
  if (int rest = minutes % 60; rest != 0) {
    std::string fraction = std::to_string(rest * 100 / 60 + 100).substr(1);  // two digits
    if (fraction.back() == '0') fraction.pop_back();
    text += "." + fraction;
  }
  return text;
}

}  // namespace

MatchWeights ClampedWeights(const MatchWeights& weights) {
  MatchWeights clamped = weights;
  for (int* w : {&clamped.department, &clamped.location, &clamped.level, &clamped.background, &clamped.time_zone}) {
    *w = std::clamp(*w, -kMaxMatchWeight, kMaxMatchWeight);
  }
  return clamped;
}

ProfileBuilder::ProfileBuilder(const std::string& default_zone, TimePoint at) : at_(at) {
  default_offset_ = OffsetOfCanonical(CanonicalTimeZone(default_zone).value_or("UTC"));
}

int ProfileBuilder::OffsetOfCanonical(const std::string& canonical_zone) const {
  const auto info = date::locate_zone(canonical_zone)->get_info(at_);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count());
}

int ProfileBuilder::Offset(const std::string& zone) {
  if (zone.empty()) return default_offset_;
  auto it = offsets_.find(zone);
  if (it == offsets_.end()) {
    const auto canonical = CanonicalTimeZone(zone);
    it = offsets_.emplace(zone, canonical ? OffsetOfCanonical(*canonical) : default_offset_).first;
  }
  return it->second;
}

ScoringProfile ProfileBuilder::Build(const MatchCandidate& person) {
  ScoringProfile profile;
  profile.person = &person;
  // Departments and locations share one numbering: ids are only ever
  // compared within the same criterion.
  if (auto name = Trim(person.department); !name.empty()) profile.department = Intern(names_, ToLower(name));
  if (auto name = Trim(person.location); !name.empty()) profile.location = Intern(names_, ToLower(name));
  profile.level = person.level;
  profile.has_background = !Trim(person.background).empty();
  for (std::string& word : Words(person.background)) profile.background_words.push_back(Intern(words_, std::move(word)));
  std::sort(profile.background_words.begin(), profile.background_words.end());
  profile.background_words.erase(std::unique(profile.background_words.begin(), profile.background_words.end()),
                                 profile.background_words.end());
  profile.utc_offset_minutes = Offset(person.time_zone);
  return profile;
}

// Working days are compared round the clock: Tokyo's morning is Los Angeles'
// afternoon of the day before, so 17 h apart is 7 h apart.
int SharedWorkingMinutes(int offset_a_minutes, int offset_b_minutes) {
  constexpr int kDayMinutes = 24 * 60;
  const int apart = std::abs(offset_a_minutes - offset_b_minutes) % kDayMinutes;
  return std::max(0, kWorkingDayMinutes - std::min(apart, kDayMinutes - apart));
}

int ScoreProfiles(const ScoringProfile& mentor, const ScoringProfile& mentee, const MatchWeights& weights,
                  std::vector<std::string>* reasons) {
  int score = 0;
  auto earn = [&](int points, auto&& describe) {
    score += points;
    if (reasons != nullptr && points != 0) reasons->push_back(describe());
  };
  if (mentor.department != 0 && mentee.department != 0 && mentor.department != mentee.department) {
    earn(weights.department, [&] {
      return "different departments (" + std::string(Trim(mentor.person->department)) + " / " +
             std::string(Trim(mentee.person->department)) + ")";
    });
  }
  if (mentor.location != 0 && mentee.location != 0 && mentor.location != mentee.location) {
    earn(weights.location, [&] {
      return "different locations (" + std::string(Trim(mentor.person->location)) + " / " +
             std::string(Trim(mentee.person->location)) + ")";
    });
  }
  if (mentor.level && mentee.level) {
    // Reverse mentoring: the mentee is the senior one.
    const long long gap = static_cast<long long>(*mentee.level) - *mentor.level;
    if (gap >= weights.min_level_gap && gap <= weights.max_level_gap) {
      earn(weights.level, [&] { return "level gap " + std::to_string(gap); });
    }
  }
  // Two backgrounds without a single word of three letters say nothing.
  if (mentor.has_background && mentee.has_background &&
      !(mentor.background_words.empty() && mentee.background_words.empty())) {
    const auto [common, all] = OverlapAndUnion(mentor.background_words, mentee.background_words);
    if (common * kJaccardDenominator < all * kJaccardNumerator) {
      earn(weights.background, [] { return std::string("different backgrounds"); });
    }
  }
  const int shared = SharedWorkingMinutes(mentor.utc_offset_minutes, mentee.utc_offset_minutes);
  score += shared >= kFullOverlapMinutes ? weights.time_zone
           : shared >= kSomeOverlapMinutes ? weights.time_zone / 2
                                           : 0;
  if (reasons != nullptr) {
    reasons->push_back(shared == 0 ? std::string("no shared working hours")
                                   : Hours(shared) + " h of shared working hours");
  }
  return score;
}

}  // namespace mentorbot
