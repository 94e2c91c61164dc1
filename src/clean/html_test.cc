#include "clean/html.h"

#include <gtest/gtest.h>

#include <string>

#include "clean/charset.h"

namespace crossread::clean {
namespace {

std::string Prose(const std::string& topic, int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) {
    out += "The ministers discussed " + topic + ", the budget and the timetable, sentence " +
           std::to_string(i) + " of the report, at length. ";
  }
  return out;
}

std::string TextOf(const std::string& html) {
  Result<HtmlDocument> doc = ExtractHtml(html);
  EXPECT_TRUE(doc.ok());
  return doc.ok() ? doc->text : std::string();
}

TEST(Html, TheArticleWinsOverNavigationSidebarAndComments) {
  std::string links;
  for (int i = 0; i < 30; ++i)
    links += "<li><a href=\"/x" + std::to_string(i) + "\">Other story " + std::to_string(i) +
             "</a></li>";
  std::string html = "<html><body><div class=\"menu\"><ul>" + links +
                     "</ul></div><div class=\"main\"><h1>Title</h1>"
                     "<div class=\"byline\">By Jane Roe</div><time>March 15, 2025</time>"
                     "<p>" +
                     Prose("the first plan", 3) + "</p><p>" + Prose("the second plan", 3) +
                     "</p><div class=\"share-bar\"><a href=\"#\">Share on X</a></div></div>"
                     "<div class=\"sidebar\"><p>" +
                     Prose("something unrelated", 1) +
                     "</p></div>"
                     "<div id=\"comments\"><p>" +
                     Prose("a reader's view", 6) + "</p></div></body></html>";
  std::string text = TextOf(html);
  EXPECT_NE(text.find("the first plan"), std::string::npos);
  EXPECT_NE(text.find("the second plan"), std::string::npos);
  for (const char* out : {"Other story", "Title", "Jane Roe", "March 15", "Share on X",
                          "something unrelated", "a reader's view"}) {
    EXPECT_EQ(text.find(out), std::string::npos) << out;
  }
}

TEST(Html, TextSetWithBreaksIsFound) {
  std::string html = "<html><body><div><a href=\"/\">Home</a></div><div id=\"story\">" +
                     Prose("the coalition", 3) + "<br><br>" + Prose("the election", 3) +
                     "<table><tr><td><img src=\"a.jpg\"></td></tr></table>" + Prose("the vote", 3) +
                     "</div></body></html>";
  std::string text = TextOf(html);
  EXPECT_NE(text.find("the coalition"), std::string::npos);
  EXPECT_NE(text.find("the vote"), std::string::npos);
  EXPECT_EQ(text.find("Home"), std::string::npos);
}

TEST(Html, EmptyBrokenAndArticlelessPagesGiveAClearResult) {
  EXPECT_FALSE(ExtractHtml("").ok());  // nothing to parse: an error the reader reports
  EXPECT_EQ(TextOf("<html><body></body></html>"), "");
  EXPECT_EQ(TextOf("<html><body><script>var x = 1;</script></body></html>"), "");
  std::string truncated = "<html><body><div><p>" + Prose("the truncated page", 4);
  EXPECT_NE(TextOf(truncated).find("truncated page"), std::string::npos);
}

TEST(Html, AVeryDeepDomDoesNotOverflowTheStack) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>" + Prose("the deep page", 3) + "</p>";
  Result<HtmlDocument> doc = ExtractHtml(html);  // libxml2 caps the depth; no crash either way
  EXPECT_TRUE(doc.ok());
}

TEST(Html, AFiftyMegabytePageIsRead) {
  std::string html = "<html><body><div class=\"story\">";
  const std::string paragraph = "<p>" + Prose("the large page", 4) + "</p>\n";
  while (html.size() < (50u << 20)) html += paragraph;
  html += "</div></body></html>";
  Result<HtmlDocument> doc = ExtractHtml(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_GT(doc->text.size(), 40u << 20);
}

TEST(Html, MetadataFromJsonLdMetaTagsAndTheUrl) {
  std::string body = "<p>" + Prose("the summit", 3) + "</p>";
  std::string ld =
      "<html><head><title>Talks resume | Example News</title>"
      "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
      "\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\", \"headline\": "
      "\"Talks resume in London\", \"datePublished\": \"2025-03-15T10:00:00Z\", \"author\": "
      "[{\"@type\": \"Person\", \"name\": \"Jane Roe\"}, {\"name\": \"John Doe\"}], "
      "\"publisher\": {\"name\": \"Example News\"}}]}</script></head><body>" +
      body + "</body></html>";
  Result<HtmlDocument> a = ExtractHtml(ld);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Talks resume in London");
  EXPECT_EQ(a->published.value_or(""), "2025-03-15");
  EXPECT_EQ(a->authors, (std::vector<std::string>{"Jane Roe", "John Doe"}));
  EXPECT_EQ(a->outlet.value_or(""), "Example News");

  // No JSON-LD: the <title> loses its site name, the byline gives the authors, <time> the date.
  std::string plain =
      "<html><head><title>Talks resume - Example News</title>"
      "<link rel=\"canonical\" href=\"https://www.example.com/2025/03/14/talks\">"
      "</head><body><div class=\"byline\">By Jane Roe and John Doe</div>"
      "<time datetime=\"0001-01-01\"></time>" +
      body + "</body></html>";
  Result<HtmlDocument> b = ExtractHtml(plain);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->title.value_or(""), "Talks resume");
  EXPECT_EQ(b->authors, (std::vector<std::string>{"Jane Roe", "John Doe"}));
  EXPECT_EQ(b->published.value_or(""), "2025-03-14");  // the placeholder <time> is no date
  EXPECT_EQ(b->outlet.value_or(""), "example.com");

  // A byline that is only a date gives no author.
  Result<HtmlDocument> c = ExtractHtml("<html><body><div class=\"author\">By 15 March 2025</div>" +
                                       body + "</body></html>");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->authors.empty());
}

TEST(Charset, BomDeclarationThenDetection) {
  EXPECT_EQ(SniffCharset("\xEF\xBB\xBF<html>"), "UTF-8");
  EXPECT_EQ(SniffCharset("\xFF\xFE<\0h\0"), "UTF-16LE");
  EXPECT_EQ(SniffCharset("<meta charset=\"ISO-8859-1\"><p>caf\xE9"), "windows-1252");
  EXPECT_EQ(SniffCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                         "charset=euc-kr\">"),
            "CP949");
  EXPECT_EQ(SniffCharset("<p>no declaration, caf\xC3\xA9</p>"), "UTF-8");
  EXPECT_EQ(SniffCharset("<p>no declaration, caf\xE9</p>"), "windows-1252");
  EXPECT_EQ(SniffCharset("<meta charset=\"utf-8\"><p>caf\xE9</p>"), "windows-1252");
  EXPECT_EQ(SniffCharset("<p>caf\xE9</p>", "ISO-8859-2"), "iso-8859-2");
  // A "charset=" in a script is not a declaration.
  EXPECT_EQ(SniffCharset("<script>var u = '?charset=' + x;</script><p>caf\xC3\xA9</p>"), "UTF-8");
}

TEST(Charset, PagesInOtherEncodingsComeOutAsUtf8) {
  std::string latin1 = "<html><body><p>" + Prose("the caf\xE9", 3) + "</p></body></html>";
  EXPECT_NE(TextOf(latin1).find("caf\xC3\xA9"), std::string::npos);
  // "한국" in EUC-KR, declared.
  std::string korean = "<html><head><meta charset=\"euc-kr\"></head><body><p>" +
                       Prose("\xC7\xD1\xB1\xB9", 3) + "</p></body></html>";
  EXPECT_NE(TextOf(korean).find("\xED\x95\x9C\xEA\xB5\xAD"), std::string::npos);
}

}  // namespace
}  // namespace crossread::clean
