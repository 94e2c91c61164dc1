// English lemmas from the word and its Penn tag: an exception list for irregular forms, then
// suffix rules per tag (plural nouns, third-person, past and gerund verbs). Proper nouns keep
// their case; every other lemma is lowercase, as CoreNLP writes them.
#include "analyze/lemma.h"

#include <unordered_map>

#include "common/strings.h"

namespace crossread::analyze {

namespace {

const std::unordered_map<std::string, std::string>& Irregular() {
  static const auto* m = new std::unordered_map<std::string, std::string>{
      {"is", "be"},          {"are", "be"},
      {"was", "be"},         {"were", "be"},
      {"been", "be"},        {"being", "be"},
      {"am", "be"},          {"'m", "be"},
      {"'re", "be"},         {"has", "have"},
      {"had", "have"},       {"having", "have"},
      {"'ve", "have"},       {"does", "do"},
      {"did", "do"},         {"done", "do"},
      {"said", "say"},       {"says", "say"},
      {"went", "go"},        {"gone", "go"},
      {"goes", "go"},        {"made", "make"},
      {"took", "take"},      {"taken", "take"},
      {"got", "get"},        {"gotten", "get"},
      {"came", "come"},      {"saw", "see"},
      {"seen", "see"},       {"knew", "know"},
      {"known", "know"},     {"thought", "think"},
      {"told", "tell"},      {"gave", "give"},
      {"given", "give"},     {"found", "find"},
      {"became", "become"},  {"left", "leave"},
      {"felt", "feel"},      {"brought", "bring"},
      {"began", "begin"},    {"begun", "begin"},
      {"kept", "keep"},      {"held", "hold"},
      {"wrote", "write"},    {"written", "write"},
      {"stood", "stand"},    {"heard", "hear"},
      {"meant", "mean"},     {"met", "meet"},
      {"ran", "run"},        {"paid", "pay"},
      {"sat", "sit"},        {"spoke", "speak"},
      {"spoken", "speak"},   {"led", "lead"},
      {"grew", "grow"},      {"grown", "grow"},
      {"lost", "lose"},      {"fell", "fall"},
      {"fallen", "fall"},    {"sent", "send"},
      {"built", "build"},    {"understood", "understand"},
      {"broke", "break"},    {"broken", "break"},
      {"spent", "spend"},    {"rose", "rise"},
      {"risen", "rise"},     {"drove", "drive"},
      {"driven", "drive"},   {"bought", "buy"},
      {"chose", "choose"},   {"chosen", "choose"},
      {"sought", "seek"},    {"threw", "throw"},
      {"thrown", "throw"},   {"caught", "catch"},
      {"won", "win"},        {"fought", "fight"},
      {"taught", "teach"},   {"sold", "sell"},
      {"n't", "not"},        {"'ll", "will"},
      {"wo", "will"},        {"ca", "can"},
      {"men", "man"},        {"women", "woman"},
      {"children", "child"}, {"feet", "foot"},
      {"teeth", "tooth"},    {"mice", "mouse"},
      {"better", "good"},    {"best", "good"},
      {"worse", "bad"},      {"worst", "bad"},
      {"'s", "'s"},          {"us", "we"},
      {"him", "he"},         {"her", "she"},
      {"them", "they"},      {"me", "i"}};
  return *m;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "stopped" → "stop", "tried" → "try", "voted" → "vote" (an 'e' restored after a single
// consonant that follows a single vowel, in short stems).
std::string StripVerbSuffix(const std::string& w, size_t n) {
  std::string stem = w.substr(0, w.size() - n);
  if (stem.size() >= 2 && stem.back() == 'i' && n == 2)
    return stem.substr(0, stem.size() - 1) + "y";
  size_t k = stem.size();
  if (k >= 3 && stem[k - 1] == stem[k - 2] && !IsVowel(stem[k - 1]) && stem[k - 1] != 'l' &&
      stem[k - 1] != 's') {
    return stem.substr(0, k - 1);
  }
  if (k >= 2 && !IsVowel(stem[k - 1]) && IsVowel(stem[k - 2]) &&
      (k == 2 || !IsVowel(stem[k - 3])) && stem[k - 1] != 'w' && stem[k - 1] != 'x' &&
      stem[k - 1] != 'y' && k <= 4) {
    return stem + "e";
  }
  if (k >= 2 &&
      (stem.substr(k - 2) == "at" || stem.substr(k - 2) == "iz" || stem.substr(k - 2) == "uc" ||
       stem.substr(k - 2) == "iv" || stem.substr(k - 2) == "ov" || stem.substr(k - 2) == "rg" ||
       stem.substr(k - 2) == "dg" || stem.substr(k - 2) == "nc" || stem.substr(k - 2) == "rs" ||
       stem.substr(k - 2) == "ut" || stem.substr(k - 2) == "as" || stem.substr(k - 2) == "ur")) {
    return stem + "e";
  }
  return stem;
}

}  // namespace

std::string Lemma(std::string_view word, std::string_view pos) {
  if (pos == "NNP" || pos == "NNPS") return std::string(word);
  std::string w = AsciiLower(word);
  auto it = Irregular().find(w);
  if (it != Irregular().end() &&
      (pos.substr(0, 2) == "VB" || pos.substr(0, 2) == "NN" || pos == "MD" || pos == "RB" ||
       pos.substr(0, 2) == "JJ" || pos.substr(0, 3) == "PRP" || pos == "POS")) {
    return it->second;
  }
  if (pos == "NNS") {
    if (EndsWith(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    for (std::string_view s : {"ches", "shes", "sses", "xes", "zes"}) {
      if (EndsWith(w, s)) return w.substr(0, w.size() - 2);
    }
    if (EndsWith(w, "s") && !EndsWith(w, "ss") && w.size() > 2) return w.substr(0, w.size() - 1);
    return w;
  }
  if (pos == "VBZ") {
    if (EndsWith(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    for (std::string_view s : {"ches", "shes", "sses", "xes", "zes", "oes"}) {
      if (EndsWith(w, s)) return w.substr(0, w.size() - 2);
    }
    if (EndsWith(w, "s") && w.size() > 2) return w.substr(0, w.size() - 1);
    return w;
  }
  if ((pos == "VBD" || pos == "VBN") && EndsWith(w, "ed") && w.size() > 3)
    return StripVerbSuffix(w, 2);
  if (pos == "VBG" && EndsWith(w, "ing") && w.size() > 4) return StripVerbSuffix(w, 3);
  return w;
}

}  // namespace crossread::analyze
