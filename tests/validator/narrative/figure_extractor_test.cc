#include "validator-svc/narrative/figure_extractor.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace govreport::validator::narrative {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "topic=value" (or "topic=0!" for a negation, "~" for approximate) per figure.
std::vector<std::string> Figures(const std::string& text) {
  static const char* kNames[] = {"new",          "carried_in",
                                 "done",         "granted",
                                 "partial",      "granted_or_partial",
                                 "denied",       "unable",
                                 "noproc",       "other",
                                 "carry_out",    "review",
                                 "litigation",   "proactive",
                                 "fee_notices",  "fee_notice_amount",
                                 "fee_collected"};
  NarrativeText t(text);
  std::vector<std::string> out;
  for (const StatedFigure& f : ExtractFigures(t)) {
    std::string s = std::string(kNames[static_cast<int>(f.topic)]) + "=" +
                    std::to_string(static_cast<long long>(f.value)) +
                    (f.by_negation ? "!" : "") + (f.approximate ? "~" : "");
    for (double p : f.parts)
      s += "+" + std::to_string(static_cast<long long>(p));
    out.push_back(s);
  }
  return out;
}

TEST(FigureExtractor, ApplicationFiguresWithTheirTopics) {
  EXPECT_THAT(Figures("2025年，全区共收到政府信息公开申请154件，共办结148件，结"
                      "转至2026年6件。"),
              ElementsAre("new=154", "done=148", "carry_out=6"));
  EXPECT_THAT(Figures("其中：予以公开及部分公开42件，占51.85%"
                      "；不予公开5件，占6.17%；无法提供31件；"
                      "不予处理1件；其他处理2件；因政府信息公开引起的行政复议案"
                      "件2件、行政诉讼案件7件。"),
              ElementsAre("granted_or_partial=42", "denied=5", "unable=31",
                          "noproc=1", "other=2", "review=2", "litigation=7"));
  EXPECT_THAT(
      Figures(
          "全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件。"),
      ElementsAre("new=34", "carried_in=2"));
}

TEST(FigureExtractor, ChineseNumerals) {
  EXPECT_THAT(
      Figures("本年度收到政府信息公开申请十二件，予以公开两件，部分公开一件。"),
      ElementsAre("new=12", "granted=2", "partial=1"));
  EXPECT_THAT(Figures("主动公开政府信息一百零五条。"),
              ElementsAre("proactive=105"));
}

TEST(FigureExtractor, PdfLineBreaksInsidePhrases) {
  EXPECT_THAT(Figures("全市共受理政府信息公开申请 3119 件，答\n复 3050 "
                      "件（含上年度结转申请 34 件，另有"),
              ElementsAre("new=3119", "carried_in=34"));
  EXPECT_THAT(
      Figures(
          "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件"),
      ElementsAre("review=351"));
}

TEST(FigureExtractor, Negations) {
  EXPECT_THAT(Figures("2023 年度，我街道未收到公开申请。"),
              ElementsAre("new=0!"));
  EXPECT_THAT(Figures("任留街办未收到政府信息公开申请,"
                      "没有因政府信息公开被申请行政复议或行政诉讼。"),
              ElementsAre("new=0!", "review=0!", "litigation=0!"));
  EXPECT_THAT(
      Figures("2018年未收到有关政府信息公开行政复议、提起行政诉讼的申请。"),
      ElementsAre("review=0!", "litigation=0!"));
  EXPECT_THAT(Figures("2025年，无收取信息处理费情况。"),
              ElementsAre("fee_collected=0!"));
  EXPECT_THAT(Figures("该行政复议件未被复议审查机关纠错。"), IsEmpty());
}

TEST(FigureExtractor, SkipsOtherWorkflowsComparisonsAndSlogans) {
  EXPECT_THAT(Figures("截至目前共收到15564件咨询投诉件，已办结15042件。"),
              IsEmpty());
  EXPECT_THAT(Figures("收到申请较上年增加12件。"), IsEmpty());
  EXPECT_THAT(Figures("推进“一件事一次办”，受理各类群众诉求259起。"),
              IsEmpty());
  EXPECT_THAT(Figures("4.无正当理由大量反复申请0000000"), IsEmpty());
  EXPECT_THAT(Figures("（一）予以公开220000022（二）部分公开"), IsEmpty());
}

TEST(FigureExtractor, FigureBeforeItsTopic) {
  EXPECT_THAT(Figures("2024 年市科委有 1 件涉及政府信息公开工作的行政复议，"),
              ElementsAre("review=1"));
}

TEST(FigureExtractor, ProactiveTotalWithStatedParts) {
  EXPECT_THAT(
      Figures("主动公开各类政府信息 94 "
              "条。其中，涵盖了老旧小区改造等方面；涉街道工作动态 45 条，"
              "涉 12345、网民留言等民生热点信息 15 条，涉政务服务事项 40 条。"),
      ElementsAre("proactive=94+45+15+40"));
  EXPECT_THAT(Figures("主动公开政府信息2069条。其中，区直各部门主动公开政府信息"
                      "1592条，占76.9%。"),
              ElementsAre("proactive=2069+1592"));
  EXPECT_THAT(Figures("市政府网站主动公开各类政府信息 5500 余条，"),
              ElementsAre("proactive=5500~"));
  EXPECT_THAT(
      Figures(
          "共公布政府信息2599条，(其中机构职能类信息25条，规划计划类信息28条)"),
      IsEmpty());
}

TEST(FigureExtractor, FeeStatements) {
  EXPECT_THAT(Figures("发出收费通知3件，金额300元，实际收取200元。"),
              ElementsAre("fee_notices=3", "fee_notice_amount=300",
                          "fee_collected=200"));
  EXPECT_THAT(Figures("发出收费通知的件数和总金额,以及实际收取的总金额均为0。"),
              ElementsAre("fee_notices=0!"));
  EXPECT_THAT(Figures("全年收取政府信息公开信息处理费 3940 元。"),
              ElementsAre("fee_collected=3940"));
}

TEST(NarrativeText, KeepsSourcePositions) {
  NarrativeText t("第一行\n收到 申请 12 件");
  EXPECT_EQ(t.Utf8(0, t.text().size()), "第一行收到申请12件");
  v1::SourceLocation loc = t.LocationOf(5, 9);  // "申请12"
  EXPECT_EQ(loc.line(), 2u);
  EXPECT_EQ(loc.column_begin(), 4u);
  EXPECT_EQ(loc.column_end(), 9u);
}

}  // namespace
}  // namespace govreport::validator::narrative
