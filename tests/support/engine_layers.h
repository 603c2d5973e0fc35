// The include rules between the engine's rooms, checked from the source text
// so they cannot silently break (tests/bot/engine_layers_test.cpp runs it on
// the real tree in CI's normal and ASan+UBSan jobs):
// - bot/engine/ holds the engine's face (engine.h/.cpp) and the files every
//   part shares; each sub-folder is one capability (a "room").
// - commands/ sits on top: it may include any capability. No capability
//   includes commands/ or the face.
// - The shared top-level files include only each other (and bot/core).
// - Each capability lists, in one "// May use: a, b." line of its central
//   header, the capabilities it includes; the check holds every include to
//   that list, every listed name to a real include, and the listed graph to
//   having no cycle.
// - Outside the engine: bot/core includes no other area, and adapters/ and
//   storage/ never include the engine or the app.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mentorbot {

// Every broken rule under `source_root` (the project's top folder), one line
// each, "path:line: what is wrong"; empty when all rules hold.
std::vector<std::string> CheckEngineLayers(const std::filesystem::path& source_root);

}  // namespace mentorbot
