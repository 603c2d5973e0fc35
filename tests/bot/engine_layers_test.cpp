// The include rules between the engine's rooms: the real tree keeps them,
// and each rule is shown to catch the break it exists for, on small trees.
#include "tests/support/engine_layers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.h"

namespace mentorbot {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(EngineLayersTest, TheRealTreeKeepsEveryRule) {
  EXPECT_THAT(CheckEngineLayers(MENTORBOT_SOURCE_DIR), IsEmpty());
}

// A small tree: shared/face files at the top, commands on top, and
// program -> time below it.
class EngineLayersTreeTest : public ::testing::Test {
 protected:
  EngineLayersTreeTest() {
    Write("bot/engine/engine.h", "#include \"bot/engine/commands/commands.h\"\n");
    Write("bot/engine/replies.h", "#include \"bot/core/message.h\"\n");
    Write("bot/engine/commands/commands.h",
          "// May use: any capability.\n#include \"bot/engine/program/forms.h\"\n#include \"bot/engine/replies.h\"\n");
    Write("bot/engine/program/forms.h",
          "// May use: time.\n#include \"bot/engine/time/zone.h\"\n#include \"bot/engine/replies.h\"\n");
    Write("bot/engine/time/zone.h", "// May use: only the shared files.\n#include \"bot/core/clock.h\"\n");
    Write("adapters/slack/parser.h", "#include \"bot/core/event.h\"\n");
  }

  void Write(const std::string& path, const std::string& text) {
    const auto file = dir_.path() / path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
  }
  std::vector<std::string> Check() { return CheckEngineLayers(dir_.path()); }

  TempDir dir_;
};

TEST_F(EngineLayersTreeTest, AWellLayeredTreePasses) { EXPECT_THAT(Check(), IsEmpty()); }

TEST_F(EngineLayersTreeTest, ACapabilityIncludingCommandsIsCaught) {
  Write("bot/engine/time/zone.cpp", "#include \"bot/engine/time/zone.h\"\n#include \"bot/engine/commands/commands.h\"\n");
  EXPECT_THAT(Check(), ElementsAre("bot/engine/time/zone.cpp:2: a capability never includes commands/ "
                                   "(bot/engine/commands/commands.h)"));
}

TEST_F(EngineLayersTreeTest, AnIncludeTheDeclarationDoesNotListIsCaught) {
  Write("bot/engine/time/zone.cpp", "#include \"bot/engine/program/forms.h\"\n");
  EXPECT_THAT(Check(), ElementsAre("bot/engine/time/zone.cpp:1: time/ includes program/ but its \"May use:\" "
                                   "line does not list it"));
}

TEST_F(EngineLayersTreeTest, ADeclaredCycleIsCaught) {
  Write("bot/engine/time/zone.h", "// May use: program.\n");
  Write("bot/engine/time/zone.cpp", "#include \"bot/engine/program/forms.h\"\n");
  EXPECT_THAT(Check(), ElementsAre(HasSubstr("capabilities in a cycle: program -> time -> program")));
}

TEST_F(EngineLayersTreeTest, SharedFilesIncludingACapabilityOrTheFaceAreCaught) {
  Write("bot/engine/replies.cpp", "#include \"bot/engine/time/zone.h\"\n#include \"bot/engine/engine.h\"\n");
  EXPECT_THAT(Check(), ElementsAre(HasSubstr("replies.cpp:1: the shared engine files include only each other"),
                                   HasSubstr("replies.cpp:2: the shared engine files include only each other")));
}

TEST_F(EngineLayersTreeTest, ACapabilityIncludingTheFaceIsCaught) {
  Write("bot/engine/time/zone.cpp", "#include \"bot/engine/engine.h\"\n");
  EXPECT_THAT(Check(), ElementsAre(HasSubstr("time/ includes the engine's face")));
}

TEST_F(EngineLayersTreeTest, DeclarationsMustBeOneExactAndTrue) {
  Write("bot/engine/time/other.h", "// May use: only the shared files.\n");  // a second one
  Write("bot/engine/program/forms.h", "// May use: time, roster, calendar.\n#include \"bot/engine/time/zone.h\"\n");
  Write("bot/engine/roster/csv.h", "// May use: any capability.\n");
  EXPECT_THAT(Check(),
              ElementsAre("bot/engine/program/forms.h: \"May use:\" names calendar, which is no capability",
                          "bot/engine/program/forms.h: \"May use:\" lists roster but nothing in program/ includes it",
                          "bot/engine/roster/csv.h: only commands/ may use any capability",
                          "bot/engine/time: needs exactly one \"// May use:\" line in its central header, has 2"));
}

TEST_F(EngineLayersTreeTest, OtherAreasNeverReachIntoTheEngineOrTheApp) {
  Write("adapters/slack/sender.cpp", "#include \"bot/engine/program/forms.h\"\n");
  Write("storage/store.cpp", "#include \"bot/app/config.h\"\n");
  Write("bot/core/event.h", "#include \"storage/store.h\"\n");
  EXPECT_THAT(Check(), ElementsAre(HasSubstr("bot/core/event.h:1: bot/core/ never includes storage/"),
                                   HasSubstr("adapters/slack/sender.cpp:1: adapters/ never includes bot/engine/"),
                                   HasSubstr("storage/store.cpp:1: storage/ never includes bot/app/")));
}

}  // namespace
}  // namespace mentorbot
