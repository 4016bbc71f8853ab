#include "parser-svc/decoders/pdf_layout_cleanup.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::parser {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Texts(const std::vector<LayoutLine>& lines) {
  std::vector<std::string> out;
  for (const LayoutLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(PdfLayoutCleanup, DropsPageNumbersAtPageEdgesOnly) {
  std::vector<LayoutLine> lines = CleanPdfLayout({
      {"规章   1   0   11", "", "                 -1-   ", ""},
      {"行政许可   447228", "                       — 2 —"},
      {"行政处罚   7", "          第 3 页 共 9 页"},
      {"                 4/9", "行政强制   88"},
      {"数量", "                         5"},
      {"合计", "7"},
  });
  EXPECT_THAT(Texts(lines), ElementsAre("规章   1   0   11",
                                        "行政许可   447228", "行政处罚   7", "",
                                        "行政强制   88", "数量", "合计", "7"));
  EXPECT_EQ(lines[1].page, 2u);
  EXPECT_EQ(lines[7].page, 6u);
}

TEST(PdfLayoutCleanup, DropsATableHeaderRepeatedOnTheNextPage) {
  std::vector<LayoutLine> lines = CleanPdfLayout({
      {"三、收到和处理政府信息公开申请情况", "   自然人   商业企业   总计",
       "          法人  组织", "一、本年新收   3   0   3"},
      {"", "   自然人    商业企业   总计", "          法人  组织",
       "（七）总计   3   0   3"},
  });
  EXPECT_THAT(Texts(lines),
              ElementsAre("三、收到和处理政府信息公开申请情况",
                          "   自然人   商业企业   总计", "          法人  组织",
                          "一、本年新收   3   0   3", "", "", "",
                          "（七）总计   3   0   3"));
}

TEST(PdfLayoutCleanup, DropsARunningHeaderButKeepsAOneOffRepeat) {
  std::vector<LayoutLine> lines = CleanPdfLayout({
      {"某市2024年政府信息公开工作年度报告", "信息内容   本年处理决定数量",
       "行政许可   9"},
      {"某市2024年政府信息公开工作年度报告", "正文"},
      {"信息内容   本年处理决定数量", "行政处罚   5"},
  });
  EXPECT_THAT(
      Texts(lines),
      ElementsAre("某市2024年政府信息公开工作年度报告",
                  "信息内容   本年处理决定数量", "行政许可   9", "", "正文",
                  "信息内容   本年处理决定数量", "行政处罚   5"));
}

TEST(PdfLayoutCleanup, LiftsAVerticalLabelOutOfTheRows) {
  std::vector<LayoutLine> lines = CleanPdfLayout({{
      "      （一）予以公开      5    5",
      "三、",
      "",
      "本      1.属于国家秘密   2    2",
      "年",
      "度      2.重复申请      0    0",
  }});
  EXPECT_THAT(Texts(lines),
              ElementsAre("      （一）予以公开      5    5", "三、本年度", "",
                          "", "       1.属于国家秘密   2    2", "",
                          "       2.重复申请      0    0"));
}

TEST(PdfLayoutCleanup, LeavesShortWordsInTextAlone) {
  std::vector<LayoutLine> lines = CleanPdfLayout({{
      "结果   结果     其他   尚未",
      "维持   纠正     结果   审结",
      "我们 认为",
      "好",
  }});
  EXPECT_THAT(Texts(lines),
              ElementsAre("结果   结果     其他   尚未",
                          "维持   纠正     结果   审结", "我们 认为", "好"));
}

TEST(PdfLayoutCleanup, JoinsATitleCentredOverTwoLines) {
  std::vector<LayoutLine> lines = CleanPdfLayout({{
      "",
      "         淮安市洪泽区人民政府",
      "    2024 年政府信息公开工作年度报告",
      "",
      "  本报告由办公室编制。",
  }});
  EXPECT_THAT(Texts(lines), ElementsAre("",
                                        "         淮安市洪泽区人民政府2024 "
                                        "年政府信息公开工作年度报告",
                                        "", "  本报告由办公室编制。"));
}

}  // namespace
}  // namespace govreport::parser
