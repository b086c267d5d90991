// SPDX-License-Identifier: GPL-3.0-or-later
// A small sub-command framework for cipherchart-cli: declared options, validated arguments,
// one exit-code convention (0 ok, 1 usage, 2 authentication or permission, 3 integrity, 4 storage).
#pragma once

#include "core/Result.h"

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cc::cli {

enum ExitCode : int { ExitOk = 0, ExitUsage = 1, ExitDenied = 2, ExitIntegrity = 3, ExitStorage = 4 };

/// Maps an error code to the CLI's exit code.
[[nodiscard]] int exitCodeFor(ErrorCode code) noexcept;

/// One option a command accepts: `--name` or `--name VALUE`.
struct OptionSpec
{
    std::string name;
    std::string valueName; ///< empty for a flag
    std::string help;
    bool repeatable = false;
};

/// The parsed arguments of one command.
class Args
{
public:
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;

    [[nodiscard]] bool has(const std::string& name) const { return options.count(name) != 0; }
    /// The option's value, or nullopt if absent.
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    /// Every value of a repeatable option.
    [[nodiscard]] std::vector<std::string> values(const std::string& name) const;
};

/// Streams a command writes to; tests substitute string streams.
struct Io
{
    std::ostream& out;
    std::ostream& err;
    std::istream& in;
    bool json = false;
};

/// A command: its words ("paillier", "keygen"), a summary, the positional arguments' usage,
/// its options and the function that runs it and returns the exit code.
struct CommandSpec
{
    std::vector<std::string> path;
    std::string summary;
    std::string usage;
    std::vector<OptionSpec> options;
    std::size_t minPositional = 0;
    std::size_t maxPositional = 0;
    std::function<int(const Args&, Io&)> run;
    std::string details; ///< extra help text (e.g. the order of passwords on standard input)
};

/// Prints `error` on the error stream ("cipherchart-cli: <describe>") and returns its exit code.
int reportError(const Error& error, Io& io);

/// All commands; dispatches argv to the longest matching command path.
class CommandRegistry
{
public:
    void add(CommandSpec spec);
    /// Runs the command named by argv (after the program name). Handles --help and --json.
    int dispatch(const std::vector<std::string>& argv, Io& io) const;
    /// Prints the overview of every command.
    void printOverview(std::ostream& out) const;

private:
    void printCommandHelp(const CommandSpec& spec, std::ostream& out) const;
    std::vector<CommandSpec> m_commands;
};

} // namespace cc::cli
