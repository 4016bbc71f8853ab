#include "bench/parser/text_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace govreport::bench {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void SortByName(std::vector<BenchDocument>& docs) {
  std::sort(docs.begin(), docs.end(),
            [](const BenchDocument& a, const BenchDocument& b) {
              return a.name < b.name;
            });
}

}  // namespace

std::vector<BenchDocument> LoadTextCorpus(const std::string& name_filter) {
  std::vector<BenchDocument> out;
  for (const char* dir : {"seeds", "real"}) {
    fs::path root = fs::path(GOVREPORT_DATA_DIR) / "samples" / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::directory_iterator(root)) {
      std::string ext = e.path().extension().string();
      if (ext != ".txt" && ext != ".md") continue;
      std::string name = e.path().filename().string();
      if (name.find(name_filter) == std::string::npos) continue;
      out.push_back({name, ReadAll(e.path())});
    }
  }
  SortByName(out);
  return out;
}

std::vector<BenchDocument> LoadFolder(const std::string& dir) {
  std::vector<BenchDocument> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".json") continue;
    out.push_back({e.path().string(), ReadAll(e.path())});
  }
  SortByName(out);
  return out;
}

}  // namespace govreport::bench
