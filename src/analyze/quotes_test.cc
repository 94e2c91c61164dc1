#include <gtest/gtest.h>

#include <map>

#include "analyze/document.h"
#include "common/test_util.h"

namespace crossread::analyze {
namespace {

struct Found {
  std::string content, cue, source, speaker, kind;
};

std::vector<Found> Quotes(const std::string& text) {
  Article a = testing::CleanArticle(text);
  Document d = Analyze(a);
  std::vector<Found> out;
  for (const Attribution& q : d.quotes) {
    Found f;
    for (const ByteSpan& c : q.contents)
      f.content += (f.content.empty() ? "" : " | ") + std::string(d.Text(c));
    f.cue = d.Text(q.cue);
    f.source = d.Text(q.source);
    f.speaker = q.speaker;
    f.kind = q.kind;
    out.push_back(f);
  }
  return out;
}

// The speaker of each quote, by the first word of its content.
std::map<std::string, std::string> SpeakerByFirstWord(const std::vector<Found>& quotes) {
  std::map<std::string, std::string> out;
  for (const Found& f : quotes) out[f.content.substr(0, f.content.find(' '))] = f.speaker;
  return out;
}

// The spans follow PolNeAR's conventions, which the tagger learned: a direct content holds its
// quote marks and the comma inside them; a cue may run over a few words ("said in a statement").

TEST(Quotes, FindsCuesAfterAndBeforeTheMarks) {
  auto q = Quotes(
      "Prime Minister Keir Starmer spoke.\n\n"
      "\xE2\x80\x9CWe must act now,\xE2\x80\x9D Starmer said in a statement.\n\n"
      "\"Pressure works,\" said Starmer.\n\n"
      "Starmer told reporters: \"We agreed on more aid.\"\n\n"
      "\"It is too early,\" he added.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].content, "\"We must act now,\"");
  EXPECT_EQ(q[0].cue.substr(0, 4), "said");
  EXPECT_EQ(q[0].source, "Starmer");
  EXPECT_EQ(q[0].speaker, "Keir Starmer");
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[1].cue, "said");
  EXPECT_EQ(q[1].speaker, "Keir Starmer");
  EXPECT_EQ(q[2].content, "\"We agreed on more aid.\"");
  EXPECT_EQ(q[2].cue, "told");
  EXPECT_EQ(q[2].kind, "direct");
  EXPECT_EQ(q[3].source, "he");
  EXPECT_EQ(q[3].speaker, "Keir Starmer");  // the previous quote's speaker
}

TEST(Quotes, FindsPartialUnmarkedAndContinuedQuotes) {
  auto q = Quotes(
      "President Vladimir Putin met envoys. Starmer said Putin will \"sooner or later\" have to "
      "talk.\n\n"
      "Keir Starmer was in London.\n\n"
      "We cannot allow games with the deal, said Starmer from Downing Street.\n\n"
      "\"Stop the attacks,\" Starmer said.\n\n"
      "\"Until then we will keep working around the clock.\"");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_NE(q[0].content.find("\"sooner or later\""), std::string::npos);
  EXPECT_EQ(q[0].kind, "partial");
  EXPECT_EQ(q[1].content, "We cannot allow games with the deal");
  EXPECT_EQ(q[1].source.rfind("Starmer", 0), 0u);  // after its cue (the parser may take the
                                                   // "from Downing Street" after it along)
  EXPECT_EQ(q[1].kind, "unmarked");
  EXPECT_EQ(q[1].speaker, "Keir Starmer");
  // The paragraph with no cue carries the quote before it on.
  EXPECT_EQ(q[2].content,
            "\"Stop the attacks,\" | \"Until then we will keep working around the clock.\"");
  EXPECT_EQ(q[2].speaker, "Keir Starmer");
}

TEST(Quotes, TellsUnmarkedWordsFromReportedSpeechBeforeTheCue) {
  auto q = Quotes(
      "The two men clashed in the Oval Office on Feb. 28, officials said.\n\n"
      "If Putin is serious about peace, it is very simple: he has to stop, Starmer said.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[1].kind, "unmarked");
}

// An outlet that strips quote marks: the paragraph before ", he said." is the speaker's, though
// the tagger credits only its last sentence, and the person named in it does not speak.
TEST(Quotes, AParagraphOfUnmarkedWordsIsItsSpeakersWhole) {
  auto q = Quotes(
      "Starmer accused the Kremlin of a complete disregard for the ceasefire proposal.\n\n"
      "It is clear that Putin is not serious about peace. If Russia finally "
      "comes to the table, then we must be ready to monitor a ceasefire, he said.\n\n"
      "The world needs to see action, not empty words. Until then we will keep working around "
      "the clock to deliver peace, he added.\n\n"
      "Officials met on Friday. We are ready, one official said.");
  std::map<std::string, std::string> by_word = SpeakerByFirstWord(q);
  EXPECT_EQ(by_word["It"], "Starmer");
  EXPECT_EQ(by_word["The"], "Starmer");
  for (const Found& f : q) {
    if (f.speaker != "Starmer") continue;
    EXPECT_EQ(f.content.find("Starmer accused"), std::string::npos) << f.content;
  }
  for (const Found& f : q) EXPECT_EQ(f.content.find("Officials met"), std::string::npos);
}

// The tagger reads "Street" alone, and "a post on social media" as a second source nearer the
// cue than Trump: a source takes the name it begins inside, and a medium does not speak.
TEST(Quotes, ASourceIsAWholeNameAndNotTheMediumOfTheWords) {
  auto q = Quotes(
      "- Downing Street says around 25 leaders including European partners, the EU commission, "
      "Nato, Ukraine, Canada and others will attend\n\n"
      "- Trump, in a post on social media, describes the talks as providing \xE2\x80\x9C"
      "a very good chance that this horrible, bloody war can finally come to an end\xE2\x80\x9D\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Downing Street");
  EXPECT_EQ(q[0].speaker, "Downing Street");
  EXPECT_EQ(q[1].source, "Trump");
  EXPECT_EQ(q[1].speaker, "Trump");
}

// The tagger finds these cues and sources but no words: the commas tell where they are.
TEST(Quotes, AVerbOfSayingWithoutWordsTakesWhatItsCommasSetApart) {
  auto q = Quotes(
      "Secret Service protocol called for the nominee to be taken to a trauma center in the "
      "wake of her health crisis, sources said.\n\n"
      "The latest test, North Korea said, was its biggest yet, although it may take several "
      "days to determine how powerful it was.\n");
  std::map<std::string, std::string> content_of;
  for (const Found& f : q) content_of[f.source] = f.content;
  EXPECT_EQ(content_of["sources"],
            "Secret Service protocol called for the nominee to be taken to a trauma center in "
            "the wake of her health crisis");
  EXPECT_EQ(content_of["North Korea"],
            "The latest test | was its biggest yet, although it may take several days to "
            "determine how powerful it was");
}

TEST(Quotes, FindsReportedSpeechAndIgnoresScareQuotes) {
  auto q = Quotes(
      "On Thursday, Putin said Russia supported a U.S. proposal for a ceasefire in principle.\n\n"
      "Leaders met as what he has termed the \"coalition of the willing,\" Britain said nothing.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].content, "Russia supported a U.S. proposal for a ceasefire in principle");
  EXPECT_EQ(q[0].source, "Putin");
  for (const Found& f : q) EXPECT_NE(f.content, "\"coalition of the willing,\"");
}

TEST(Quotes, ACueSetOffByCommasTakesThePronounBeforeItForSource) {
  // The tagger reads "This morning's participants" as the source; the commas around "he said"
  // make it content.
  auto q = Quotes(
      "Keir Starmer says the \xE2\x80\x9C"
      "coalition of the willing\xE2\x80\x9D is now bigger and "
      "that \xE2\x80\x9Cnew commitments\xE2\x80\x9D are on the table, though he didn\xE2\x80\x99t "
      "spell these out.\n"
      "This morning\xE2\x80\x99s participants, he said, had agreed to keep military aid flowing "
      "to Ukraine and tighten restrictions on the Russian economy, to weaken Vladimir "
      "Putin\xE2\x80\x99s "
      "war machine.\n");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].source, "he");
  EXPECT_EQ(q[1].speaker, "Keir Starmer");
  EXPECT_EQ(q[1].content.substr(0, 27), "This morning's participants");  // quotes normalised
}

TEST(Quotes, SpeakersOfPlacesPronounsAndNominals) {
  auto q = Quotes(
      "Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Thursday.\n\n"
      "The Russian leader said a ceasefire would need to address the root causes of the "
      "conflict.\n\n"
      "The UK believes countries need to ratchet up economic pressure on Russia.\n\n"
      "It also wants to continue to ramp up military support for Ukraine.\n\n"
      "Too early to discuss troops in Ukraine, says Finnish president\n\n"
      "Finnish President Alexander Stubb has told the BBC that it is still too early to talk "
      "about troops on the ground.");
  std::map<std::string, std::string> speaker = SpeakerByFirstWord(q);
  EXPECT_EQ(speaker["a"], "Vladimir Putin");          // "the Russian leader": his title's words
  EXPECT_EQ(speaker["countries"], "United Kingdom");  // a place that speaks
  EXPECT_EQ(speaker["to"], "United Kingdom");         // "it": the last speaker, not a person
  EXPECT_EQ(speaker["Too"], "Alexander Stubb");       // a headline's nominal, named below it
}

// "the senator" is the person named with the abbreviated title "Sen." before it.
TEST(Quotes, ANominalFindsItsPersonsAbbreviatedTitle) {
  auto q = Quotes(
      "Sen. Ted Cruz spoke to the Texas delegation in Cleveland on Tuesday.\n\n"
      "The truth, the senator said then, was that the party had lost its way.");
  auto senator =
      std::find_if(q.begin(), q.end(), [](const Found& f) { return f.source == "the senator"; });
  ASSERT_NE(senator, q.end());
  EXPECT_EQ(senator->speaker, "Ted Cruz");
}

TEST(Quotes, PronounsAgreeWithTheSpeakersGender) {
  auto q = Quotes(
      "Donald Trump spoke in Ohio on Monday.\n\n"
      "\"Jobs are coming back,\" Trump said.\n\n"
      "Hillary Clinton answered him in Denver on Tuesday.\n\n"
      "\"We will not go back,\" she said.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Donald Trump");
  EXPECT_EQ(q[1].source, "she");
  EXPECT_EQ(q[1].speaker, "Hillary Clinton");  // not the last speaker: "she" is not Donald
}

TEST(Quotes, SpeakersOfRelativePronounsAndOrganisationNominals) {
  auto q = Quotes(
      "The International Monetary Fund cut its forecast for Germany on Tuesday.\n\n"
      "The fund said growth would slow to 0.5 percent next year.\n\n"
      "Markets fell after the forecast, according to Christine Lagarde, who said investors "
      "were worried about trade.");
  std::map<std::string, std::string> speaker = SpeakerByFirstWord(q);
  EXPECT_EQ(speaker["growth"], "International Monetary Fund");  // "the fund"
  EXPECT_EQ(speaker["investors"], "Christine Lagarde");         // "who", after her name
}

TEST(Quotes, APronounTakesAPersonJustNamedOverTheLastSpeaker) {
  auto q = Quotes(
      "\"We will win in November,\" Donald Trump said in Ohio.\n\n"
      "Joe Biden visited a factory in Michigan on Monday. \"The economy is strong,\" he said.\n\n"
      "\"Trade with Canada will grow,\" he added, praising Justin Trudeau.\n\n"
      "\"We need more jobs,\" he said later.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].speaker, "Donald Trump");
  EXPECT_EQ(q[1].speaker, "Joe Biden");  // named in the sentence before "he"
  EXPECT_EQ(q[2].speaker, "Joe Biden");
  EXPECT_EQ(q[3].speaker, "Joe Biden");  // Trudeau is named in a quote's words, not as speaker
}

TEST(Quotes, ACueEndingItsParagraphWithAColonIntroducesTheNext) {
  auto q = Quotes(
      "Donald Trump answered a question about crime in Chicago.\n\n"
      "He said:\n\n"
      "\"We have a situation where our inner cities are so dangerous. You walk down the "
      "street, you get shot.\"\n\n"
      "The claim was checked by reporters.");
  ASSERT_GE(q.size(), 1u);
  const Found* intro = nullptr;
  for (const Found& f : q) {
    if (f.content.find("We have a situation") != std::string::npos) intro = &f;
  }
  ASSERT_NE(intro, nullptr);
  EXPECT_EQ(intro->source, "He");
  EXPECT_EQ(intro->speaker, "Donald Trump");
  EXPECT_EQ(intro->kind, "direct");
  EXPECT_NE(intro->content.find("you get shot."), std::string::npos);  // the whole paragraph
}

TEST(Quotes, TheSpeakerIsThePersonTheSourceIsAbout) {
  auto q = Quotes(
      "Michael Oppenheimer, a professor of geosciences at Princeton University, said the "
      "agreement would slow the warming of the planet.\n\n"
      "Clinton campaign spokesman Brian Fallon said the plan would be released next week.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Michael Oppenheimer");  // not the university of the apposition
  EXPECT_EQ(q[1].speaker, "Brian Fallon");         // the last person: the spokesman, not Clinton
}

// Where a cue's sentence is only the claim and its source, the claim is the content.
TEST(Quotes, AccordingToCreditsTheRestOfItsSentence) {
  auto q = Quotes(
      "Hillary Clinton beats Donald Trump by 46 percent to 42 percent, according to the poll.\n\n"
      "According to police, officers saw the suspect get out of a car with a handgun.");
  std::map<std::string, Found> by_cue;
  for (const Found& f : q) by_cue[f.cue] = f;
  ASSERT_TRUE(by_cue.count("according to"));
  EXPECT_EQ(by_cue["according to"].content,
            "Hillary Clinton beats Donald Trump by 46 percent to 42 percent");
  EXPECT_EQ(by_cue["according to"].source, "the poll");
  EXPECT_EQ(by_cue["according to"].speaker, "");  // not Clinton, whom the claim names
  ASSERT_TRUE(by_cue.count("According to"));
  EXPECT_EQ(by_cue["According to"].content,
            "officers saw the suspect get out of a car with a handgun");
}

TEST(Quotes, TranscriptLinesAreTheirSpeakersWords) {
  auto q = Quotes(
      "Chris Wallace interviewed Mike Pence on Fox News Sunday.\n\n"
      "WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n"
      "PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n"
      "WALLACE: Why would Trump even go down that road?");
  std::vector<const Found*> lines;
  for (const Found& f : q) {
    if (f.cue == ":") lines.push_back(&f);
  }
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]->source, "WALLACE");
  EXPECT_EQ(lines[0]->speaker, "Chris Wallace");
  EXPECT_EQ(lines[0]->content, "Will Gennifer Flowers be at the debate tomorrow night?");
  EXPECT_EQ(lines[1]->speaker, "Mike Pence");
  EXPECT_EQ(lines[2]->speaker, "Chris Wallace");
  // A label in capitals is no speaker.
  for (const Found& f : Quotes("UPDATE: The story was corrected on Monday to fix a date.")) {
    EXPECT_NE(f.source, "UPDATE");
  }
}

TEST(Quotes, QuotationsSignedWithADash) {
  auto q = Quotes(
      "Two readers wrote in.\n\n"
      "\xE2\x80\x9CHe does not speak for me. He never has.\xE2\x80\x9D \xE2\x80\x95 Sonya "
      "Herridge\n"
      "\"We deserve better than this campaign.\" \xE2\x80\x94 Pamela Padilla.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].source, "Sonya Herridge");
  EXPECT_EQ(q[0].speaker, "Sonya Herridge");
  EXPECT_EQ(q[0].content, "\"He does not speak for me. He never has.\"");
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[1].source, "Pamela Padilla");
  EXPECT_EQ(q[1].content, "\"We deserve better than this campaign.\"");
}

TEST(Quotes, AHeadlineOpeningWithItsSpeaker) {
  auto q = Quotes(
      "Sanders: Clinton needs to get away from all of this personality stuff.\n\n"
      "Senator Bernie Sanders spoke to reporters on Sunday in Vermont.");
  ASSERT_GE(q.size(), 1u);
  EXPECT_EQ(q[0].source, "Sanders");
  EXPECT_EQ(q[0].cue, ":");
  EXPECT_EQ(q[0].content, "Clinton needs to get away from all of this personality stuff");
  for (const Found& f : Quotes("The Latest: Trump visits a factory in Ohio.\n\nHe arrived.")) {
    EXPECT_NE(f.source, "The Latest");  // a section's label
  }
}

TEST(Quotes, NoQuotesWhereNobodyIsCredited) {
  EXPECT_TRUE(Quotes("").empty());
  EXPECT_TRUE(Quotes("The weather was fine. Markets rose.").empty());
}

}  // namespace
}  // namespace crossread::analyze
