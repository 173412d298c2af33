#include "Subprocess.h"

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

} // namespace

Subprocess::Subprocess(const std::string &command, const std::string &outFile,
                       const std::string &errFile)
    : out_(outFile), err_(errFile) {
  // Emptied here, not by the shell: until the child opens them, a reader
  // would otherwise see what a previous command left in the same files.
  std::ofstream(outFile, std::ios::trunc);
  std::ofstream(errFile, std::ios::trunc);
  std::string full = "exec " + command + " >" + outFile + " 2>" + errFile;
  pid_ = fork();
  if (pid_ == 0) {
    execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char *>(nullptr));
    _exit(127);
  }
}

Subprocess::~Subprocess() {
  if (pid_ > 0 && status_ < 0) {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool Subprocess::waitForStderr(const std::string &text, double seconds) {
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < end) {
    if (stderrText().find(text) != std::string::npos)
      return true;
    int st;
    if (status_ < 0 && waitpid(pid_, &st, WNOHANG) == pid_) {
      status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      return stderrText().find(text) != std::string::npos;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void Subprocess::signal(int sig) {
  if (pid_ > 0 && status_ < 0)
    ::kill(pid_, sig);
}

int Subprocess::wait(double seconds) {
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (status_ < 0) {
    int st;
    if (waitpid(pid_, &st, WNOHANG) == pid_) {
      status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      break;
    }
    if (std::chrono::steady_clock::now() >= end) {
      ::kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      status_ = 128 + SIGKILL;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return status_;
}

std::string Subprocess::stdoutText() const { return readFile(out_); }
std::string Subprocess::stderrText() const { return readFile(err_); }

} // namespace e2e
