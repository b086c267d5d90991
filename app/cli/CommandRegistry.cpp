// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CommandRegistry.h"

#include "app/cli/Text.h"

#include <algorithm>
#include <ostream>

namespace cc::cli {

int exitCodeFor(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::MalformedInput:
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::Unsupported:
    case ErrorCode::Overflow:
    case ErrorCode::Cancelled:
        return ExitUsage;
    case ErrorCode::WrongPassword:
    case ErrorCode::AccountLocked:
    case ErrorCode::AccountSuspended:
    case ErrorCode::AccountDisabled:
    case ErrorCode::AccessDenied:
    case ErrorCode::SessionLocked:
    case ErrorCode::SessionExpired:
        return ExitDenied;
    case ErrorCode::IntegrityFailure:
    case ErrorCode::KeyMismatch:
    case ErrorCode::CryptoFailure:
    case ErrorCode::Internal:
        return ExitIntegrity;
    case ErrorCode::StorageFull:
    case ErrorCode::StorageReadOnly:
    case ErrorCode::StorageBusy:
    case ErrorCode::StorageError:
        return ExitStorage;
    }
    return ExitIntegrity;
}

std::optional<std::string> Args::value(const std::string& name) const
{
    auto it = options.find(name);
    if (it == options.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const
{
    auto it = options.find(name);
    return it == options.end() ? std::vector<std::string>{} : it->second;
}

int reportError(const Error& error, Io& io)
{
    io.err << "cipherchart-cli: " << error.describe() << "\n";
    // What to do about the disk (the message above names the path and what was done); the services
    // end every operation whole or not at all (docs/RELIABILITY.md), so running it again is safe.
    switch (error.code) {
    case ErrorCode::StorageFull:
        io.err << utf8(Cli::tr("What to do: free space on that disk, then run the command again.\n"));
        break;
    case ErrorCode::StorageReadOnly:
        io.err << utf8(Cli::tr("What to do: that storage is read-only. Make it writable (or copy the clinic "
                               "folder to writable storage), then run the command again.\n"));
        break;
    case ErrorCode::StorageBusy:
        io.err << utf8(Cli::tr("What to do: close any other program that has this clinic open; if none has, "
                               "check that its disk works (the system log names a failing device); then run the "
                               "command again.\n"));
        break;
    case ErrorCode::StorageError:
        io.err << utf8(Cli::tr("What to do: check that the path above exists and that its disk works (the system "
                               "log names a failing device), then run the command again.\n"));
        break;
    default:
        break;
    }
    return exitCodeFor(error.code);
}

void CommandRegistry::add(CommandSpec spec)
{
    m_commands.push_back(std::move(spec));
}

void CommandRegistry::printOverview(std::ostream& out) const
{
    out << utf8(Cli::tr("Usage: cipherchart-cli [--json] COMMAND [OPTIONS] [ARGS]\n"
                        "       cipherchart-cli COMMAND --help\n\n"
                        "Commands:\n"));
    std::size_t width = 0;
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& c : m_commands) {
        std::string name;
        for (const auto& w : c.path)
            name += (name.empty() ? "" : " ") + w;
        width = std::max(width, name.size());
        rows.emplace_back(name, c.summary);
    }
    for (const auto& [name, summary] : rows)
        out << "  " << name << std::string(width + 2 - name.size(), ' ') << summary << "\n";
    out << utf8(Cli::tr("\nGlobal options:\n  --json     machine-readable output\n  --help     help for a command\n"
                        "  --version  print the version\n\n"
                        "Exit codes: 0 ok, 1 usage or bad input, 2 authentication or permission denied,\n"
                        "            3 integrity failure, 4 storage error.\n"));
}

void CommandRegistry::printCommandHelp(const CommandSpec& spec, std::ostream& out) const
{
    std::string name;
    for (const auto& w : spec.path)
        name += (name.empty() ? "" : " ") + w;
    out << utf8(Cli::tr("Usage: cipherchart-cli %1").arg(QString::fromStdString(name)));
    if (!spec.options.empty())
        out << utf8(Cli::tr(" [OPTIONS]"));
    if (!spec.usage.empty())
        out << " " << spec.usage;
    out << "\n\n" << spec.summary << "\n";
    if (!spec.options.empty()) {
        out << utf8(Cli::tr("\nOptions:\n"));
        for (const auto& o : spec.options) {
            std::string left = "--" + o.name + (o.valueName.empty() ? "" : " " + o.valueName);
            out << "  " << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << o.help << "\n";
        }
    }
    out << "  --json                    " << utf8(Cli::tr("machine-readable output")) << "\n";
    if (!spec.details.empty())
        out << "\n" << spec.details << "\n";
}

int CommandRegistry::dispatch(const std::vector<std::string>& argv, Io& io) const
{
    // Global flags may precede the command.
    std::size_t start = 0;
    while (start < argv.size() && argv[start] == "--json") {
        io.json = true;
        ++start;
    }
    if (start >= argv.size() || argv[start] == "--help" || argv[start] == "-h" || argv[start] == "help") {
        printOverview(io.out);
        return start >= argv.size() ? ExitUsage : ExitOk;
    }

    // Longest command path that matches the leading words.
    const CommandSpec* best = nullptr;
    for (const auto& c : m_commands) {
        if (c.path.size() > argv.size() - start)
            continue;
        if (std::equal(c.path.begin(), c.path.end(), argv.begin() + static_cast<std::ptrdiff_t>(start)) &&
            (best == nullptr || c.path.size() > best->path.size()))
            best = &c;
    }
    if (best == nullptr) {
        io.err << utf8(Cli::tr("cipherchart-cli: unknown command '%1'; see 'cipherchart-cli --help'")
                           .arg(QString::fromStdString(argv[start])))
               << "\n";
        return ExitUsage;
    }

    Args args;
    for (std::size_t i = start + best->path.size(); i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--help" || a == "-h") {
            printCommandHelp(*best, io.out);
            return ExitOk;
        }
        if (a == "--json") {
            io.json = true;
            continue;
        }
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name.resize(eq);
            }
            auto spec = std::find_if(best->options.begin(), best->options.end(),
                                     [&](const OptionSpec& o) { return o.name == name; });
            if (spec == best->options.end()) {
                io.err << utf8(Cli::tr("cipherchart-cli: unknown option '--%1' for this command; see --help")
                                   .arg(QString::fromStdString(name)))
                       << "\n";
                return ExitUsage;
            }
            if (args.has(name) && !spec->repeatable) {
                io.err << utf8(Cli::tr("cipherchart-cli: option '--%1' given twice").arg(QString::fromStdString(name)))
                       << "\n";
                return ExitUsage;
            }
            if (spec->valueName.empty()) {
                if (inlineValue) {
                    io.err << utf8(Cli::tr("cipherchart-cli: option '--%1' takes no value")
                                       .arg(QString::fromStdString(name)))
                           << "\n";
                    return ExitUsage;
                }
                args.options[name].push_back("1");
            } else if (inlineValue) {
                args.options[name].push_back(*inlineValue);
            } else {
                if (i + 1 >= argv.size()) {
                    io.err << utf8(Cli::tr("cipherchart-cli: option '--%1' needs a value (%2)")
                                       .arg(QString::fromStdString(name), QString::fromStdString(spec->valueName)))
                           << "\n";
                    return ExitUsage;
                }
                args.options[name].push_back(argv[++i]);
            }
            continue;
        }
        args.positional.push_back(a);
    }
    if (args.positional.size() < best->minPositional || args.positional.size() > best->maxPositional) {
        io.err << utf8(Cli::tr("cipherchart-cli: wrong number of arguments; usage:")) << "\n";
        printCommandHelp(*best, io.err);
        return ExitUsage;
    }
    return best->run(args, io);
}

} // namespace cc::cli
