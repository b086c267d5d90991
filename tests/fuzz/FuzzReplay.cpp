// SPDX-License-Identifier: GPL-3.0-or-later
// Replays saved inputs (seed corpus and every crash ever found) through the fuzz entry functions
// in the normal builds: `fuzz_replay <target> <file-or-folder>...`. A crash fails the CTest.
#include "tests/fuzz/FuzzTarget.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace {

std::map<std::string, cc::fuzz::Entry>& registry()
{
    static std::map<std::string, cc::fuzz::Entry> targets;
    return targets;
}

bool replayFile(cc::fuzz::Entry entry, const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << file << "\n";
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    entry(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    return true;
}

} // namespace

bool cc::fuzz::registerTarget(const char* name, Entry entry)
{
    return registry().emplace(name, entry).second;
}

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: fuzz_replay <target> <file-or-folder>...\ntargets:";
        for (const auto& [name, entry] : registry())
            std::cerr << " " << name;
        std::cerr << "\n";
        return 2;
    }
    const auto found = registry().find(argv[1]);
    if (found == registry().end()) {
        std::cerr << "no fuzz target called " << argv[1] << "\n";
        return 2;
    }
    std::size_t count = 0;
    for (int i = 2; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(path)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(path))
                if (e.is_regular_file() && e.path().filename() != "README.md")
                    files.push_back(e.path());
        } else if (std::filesystem::exists(path)) {
            files.push_back(path);
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            if (!replayFile(found->second, file))
                return 1;
            ++count;
        }
    }
    if (count == 0) {
        std::cerr << "no inputs found for " << argv[1] << "\n";
        return 1;
    }
    std::cout << argv[1] << ": replayed " << count << " inputs without a crash\n";
    return 0;
}
