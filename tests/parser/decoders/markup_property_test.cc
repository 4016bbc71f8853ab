// Property test for downloaded formats: random valid reports (the text
// generator's truth) rendered as HTML pages with rowspan/colspan tables
// (UTF-8, GB18030 declared, GB18030 undeclared) and as DOCX files with
// gridSpan/vMerge, parsed back through the whole Parser: every cell and
// the metadata must match, 100 %.

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "common/regions/gazetteer.h"
#include "common/report/report_export.h"
#include "gtest/gtest.h"
#include "parser-svc/parser.h"
#include "tests/generator/markup_render.h"
#include "tests/generator/report_generator.h"

namespace govreport::parser {
namespace {

constexpr int kReports = 320;  // Half HTML (three charsets), half DOCX.

const regions::Gazetteer* SharedGazetteer() {
  static const regions::Gazetteer* g = [] {
    auto loaded = regions::Gazetteer::Load(std::string(GOVREPORT_DATA_DIR) +
                                           "/gazetteer");
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return g;
}

uint64_t Seed() {
  const char* env = std::getenv("GOVREPORT_PROPERTY_SEED");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : 20261122;
}

std::string Diff(const nlohmann::ordered_json& want,
                 const nlohmann::ordered_json& got) {
  std::string out;
  int shown = 0;
  for (auto& [k, v] : want.items()) {
    if (k == "cells") continue;
    if (got[k] != v) {
      out += "  " + k + ": want " + v.dump() + " got " + got[k].dump() + "\n";
    }
  }
  for (auto& [k, v] : want["cells"].items()) {
    if (got["cells"][k] != v && shown++ < 12) {
      out += "  " + k + ": want " + v.dump() + " got " +
             got["cells"][k].dump() + "\n";
    }
  }
  return out;
}

TEST(MarkupProperty, RecoversEveryCellOfGeneratedHtmlAndDocxReports) {
  const regions::Gazetteer* gazetteer = SharedGazetteer();
  ASSERT_NE(gazetteer, nullptr) << "gazetteer did not load from data/gazetteer";
  testing::ReportGenerator generator(Seed(), gazetteer);
  std::mt19937_64 rng(Seed());
  Parser parser(ParserOptions{.gazetteer = gazetteer});
  int failures = 0;
  int html = 0;
  int docx = 0;
  for (int i = 0; i < kReports; ++i) {
    testing::GeneratorOptions options;
    options.tmpl = v1::TEMPLATE_V2021;
    v1::Report truth = generator.RandomTruth(options);
    std::string name;
    std::string bytes;
    if (i % 2 == 0) {
      auto charset = static_cast<testing::HtmlCharset>((i / 2) % 3);
      bytes = testing::RenderHtml(truth, charset, rng);
      name = "generated-" + std::to_string(i) + "-charset" +
             std::to_string((i / 2) % 3) + ".html";
      ++html;
    } else {
      bytes = testing::RenderDocx(truth, rng);
      name = "generated-" + std::to_string(i) + ".docx";
      ++docx;
    }
    absl::StatusOr<v1::Report> parsed = parser.Parse(name, bytes);
    ASSERT_TRUE(parsed.ok()) << name << ": " << parsed.status();
    // The charset path each page was written for is the one it was read by.
    const bool gb = i % 2 == 0 && (i / 2) % 3 != 0;
    EXPECT_EQ(parsed->format(),
              i % 2 == 0 ? v1::DOCUMENT_FORMAT_HTML : v1::DOCUMENT_FORMAT_DOCX)
        << name;
    if (i % 2 == 0) {
      EXPECT_EQ(parsed->encoding(), gb ? "GB18030" : "UTF-8") << name;
    }
    nlohmann::ordered_json want = ReportToJson(truth);
    nlohmann::ordered_json got = ReportToJson(*parsed);
    if (want != got && ++failures <= 5) {
      std::string path = "/tmp/" + name;
      std::ofstream(path, std::ios::binary) << bytes;
      ADD_FAILURE() << name << " (saved to " << path << ") differs:\n"
                    << Diff(want, got);
    }
  }
  EXPECT_EQ(html, kReports / 2);
  EXPECT_EQ(docx, kReports / 2);
  EXPECT_EQ(failures, 0) << failures << " of " << kReports
                         << " generated HTML/DOCX reports differ";
}

}  // namespace
}  // namespace govreport::parser
