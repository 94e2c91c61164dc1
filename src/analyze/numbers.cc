// Quantities: a number (digits, "1,000", "3.5", "325bn", number words, "two dozen") with an
// optional approximation before it ("around", "more than") and the noun it counts after it
// (within two words: "25 world leaders" counts leaders). "30-day" counts days. Currency signs
// make the unit the currency. Years and days of months are not quantities.
#include <cmath>
#include <cstdlib>

#include "analyze/document.h"
#include "common/lexicon.h"
#include "common/strings.h"

namespace crossread::analyze {

namespace {

std::string Singular(std::string w) {
  if (w == "children") return "child";
  if (w == "men" || w == "women") return w.substr(0, w.size() - 2) + "an";
  if (w.size() > 4 && EndsWith(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && EndsWith(w, "ses")) return w.substr(0, w.size() - 2);
  if (w.size() > 3 && w.back() == 's' && !EndsWith(w, "ss")) w.pop_back();
  return w;
}

bool IsIrregularPlural(std::string_view w) {
  return w == "people" || w == "children" || w == "men" || w == "women" || w == "police";
}

double Scale(std::string_view w) {
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "m" || w == "mn") return 1e6;
  if (w == "billion" || w == "bn" || w == "b") return 1e9;
  if (w == "trillion" || w == "tn") return 1e12;
  return 0;
}

// Parses "325bn", "1,000", "3.5", "30-day" → value and, for "30-day", the unit "day".
bool ParseNumeric(std::string_view tok, double* value, std::string* unit) {
  std::string digits;
  size_t i = 0;
  for (; i < tok.size(); ++i) {
    char c = tok[i];
    if ((c >= '0' && c <= '9') || c == '.') {
      digits.push_back(c);
    } else if (c != ',') {
      break;
    }
  }
  if (digits.empty()) return false;
  *value = std::strtod(digits.c_str(), nullptr);
  std::string rest = AsciiLower(tok.substr(i));
  if (!rest.empty() && rest[0] == '-') {
    *unit = Singular(rest.substr(1));
  } else if (double s = Scale(rest)) {
    *value *= s;
  } else if (!rest.empty()) {
    return false;  // "G7", "3rd", "1990s"
  }
  return true;
}

}  // namespace

void FindQuantities(Document* doc) {
  doc->quantities.clear();
  const Lexicon& lex = Lexicon::Get();
  auto low = [&](uint32_t k) { return AsciiLower(doc->TokenText(k)); };
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    for (uint32_t k = sent.first_token; k < sent.end_token; ++k) {
      uint32_t b = k;
      bool approx = false;
      // "around", "more than", "at least"
      if (k + 1 < sent.end_token && lex.Is(low(k) + " " + low(k + 1), Lex::kApprox)) {
        approx = true;
        k += 2;
      } else if (lex.Is(low(k), Lex::kApprox)) {
        approx = true;
        k += 1;
      }
      if (k >= sent.end_token) break;
      std::string currency;
      if (doc->TokenText(k) == "$" || doc->TokenText(k) == "\xC2\xA3" ||
          doc->TokenText(k) == "\xE2\x82\xAC") {
        currency = doc->TokenText(k) == "$" ? "usd" : (doc->TokenText(k) == "\xC2\xA3" ? "gbp" : "eur");
        ++k;
        if (k >= sent.end_token) break;
      }
      double value = 0;
      std::string unit;
      uint32_t e = k;
      std::string w = low(k);
      if (doc->tokens[k].flags & kNumeric) {
        if (!ParseNumeric(doc->TokenText(k), &value, &unit)) {
          k = b;
          continue;
        }
        e = k + 1;
      } else if (std::string_view v = lex.Value(w, Lex::kNumber); !v.empty() && w != "one" &&
                                                                   w != "half") {
        value = std::strtod(std::string(v).c_str(), nullptr);
        e = k + 1;
        if (e < sent.end_token) {  // "two dozen", "three million"
          std::string_view v2 = lex.Value(low(e), Lex::kNumber);
          double m = v2.empty() ? 0 : std::strtod(std::string(v2).c_str(), nullptr);
          if (m >= 12 && low(e).back() != 's') {
            value *= m;
            ++e;
            if (low(e - 1) == "dozen") approx = true;
          }
        }
      } else {
        k = b;
        continue;
      }
      if (e < sent.end_token) {
        if (double sc = Scale(low(e))) {
          value *= sc;
          ++e;
        }
      }
      if (!currency.empty()) {
        unit = currency;
      } else if (unit.empty()) {
        // the counted noun within two words; years and month days are not counts
        for (uint32_t n = e; n < e + 2 && n < sent.end_token; ++n) {
          const Token& t = doc->tokens[n];
          std::string nw = low(n);
          if (!(t.flags & kWord) || (t.flags & kCapitalized) || lex.Is(nw, Lex::kStopword)) break;
          if ((nw.size() > 2 && nw.back() == 's') || IsIrregularPlural(nw)) {
            unit = Singular(nw);
            e = n + 1;
            break;
          }
        }
      }
      if (unit.empty() || (value >= 1800 && value <= 2200 && std::floor(value) == value)) {
        k = b;
        continue;
      }
      Quantity q;
      q.span = {doc->tokens[b].begin, doc->tokens[e - 1].end};
      q.value = value;
      q.approximate = approx;
      q.unit = unit;
      q.sentence = s;
      doc->quantities.push_back(std::move(q));
      k = e - 1;
    }
  }
}

}  // namespace crossread::analyze
