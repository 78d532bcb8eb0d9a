// The subcommands that run, manage or ask a data centre: serve, ingest, admin, request and get. Each adds
// itself to the command line and gives back what runs it once the line is parsed.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace imsgate::cli {

using Runner = std::function<int()>;

// The data directory: --data-dir, else $IMSGATE_DATA_DIR, else /var/lib/imsgate.
std::filesystem::path default_data_dir();

Runner add_serve_command(CLI::App& app);
Runner add_ingest_command(CLI::App& app);
Runner add_admin_command(CLI::App& app);
Runner add_request_command(CLI::App& app);  // the client: request and get
Runner add_get_command(CLI::App& app);

}  // namespace imsgate::cli
