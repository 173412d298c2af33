// A man page as data, rendered to troff (man(7) macros). Each tool fills one
// from the tables its --help is printed from, so the page cannot drift from
// the parser; `TOOL --help-man` prints it and the build installs it.
#pragma once

#include <string>
#include <vector>

namespace inxpect {

// A tagged paragraph (.TP): an option, a file, an exit status.
struct ManEntry {
  std::string term;     // "--sample", "/dev/inxpect", "2": bold
  std::string argument; // "N" (after a space) or "=file": italic; empty: none
  std::string text;
};

// Runs in this order: .SS title, usages (as in SYNOPSIS), paragraphs,
// entries, then command lines shown as typed. Running text may name options
// (--sample): they come out bold.
struct ManBlock {
  std::string subsection;
  std::vector<std::string> usages;
  std::vector<std::string> paragraphs;
  std::vector<ManEntry> entries;
  std::vector<std::string> commands;
};

struct ManSection {
  std::string title; // "DESCRIPTION"
  std::vector<ManBlock> blocks;
};

struct ManPage {
  std::string name;    // "inxpect-run"
  std::string summary; // NAME's line after the dash
  std::string source;  // the footer's "inxpect 0.1.0"
  // SYNOPSIS, a usage a line after the name: options bold, METAVARS italic.
  std::vector<std::string> synopsis;
  std::vector<ManSection> sections; // after NAME and SYNOPSIS
};

// The page in troff; `date` (YYYY-MM-DD) goes in its header.
std::string renderTroff(const ManPage &page, const std::string &date);

// "take the clock" -> "Take the clock.": --help's fragments as a page's sentences.
std::string asSentence(const std::string &fragment);

// The page's date: $SOURCE_DATE_EPOCH when set (reproducible builds), else today.
std::string manPageDate();

} // namespace inxpect
