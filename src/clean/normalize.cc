#include "clean/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "common/utf8.h"

namespace crossread::clean {

namespace {

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
    return U_SUCCESS(err) ? n : nullptr;
  }();
  return nfkc;
}

// The folded form of `cp`, or nullptr when it is kept as it is. "" drops it.
const char* Fold(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2039:
    case 0x203A:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2212:
      return "-";
    case 0x2015:
      return "\xE2\x80\x94";  // em dash
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return "";
    default:
      return nullptr;
  }
}

// Whether s[i] begins `` or '' (old wire copy's and the Penn Treebank's double quotes).
bool IsQuotePair(std::string_view s, size_t i) {
  return (s[i] == '`' || s[i] == '\'') && i + 1 < s.size() && s[i + 1] == s[i];
}

bool IsInert(char32_t cp) {
  if (cp < 0xA0) return true;
  const icu::Normalizer2* n = Nfkc();
  return n == nullptr || n->isInert(static_cast<UChar32>(cp));
}

// Folds quote and dash variants in already-normalised text.
std::string FoldAll(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(s, &i);
    if (const char* f = Fold(cp)) {
      out.append(f);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string NfkcSegment(std::string_view segment) {
  const icu::Normalizer2* n = Nfkc();
  if (n == nullptr) return std::string(segment);
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())));
  icu::UnicodeString out = n->normalize(in, err);
  if (U_FAILURE(err)) return std::string(segment);
  std::string utf8;
  out.toUTF8String(utf8);
  return FoldAll(utf8);
}

}  // namespace

void TextBuilder::Anchor(uint32_t raw_cp, bool verbatim) {
  OffsetAnchor a{static_cast<uint32_t>(text_.size()), raw_cp, verbatim};
  if (!anchors_.empty() && anchors_.back().clean_byte == a.clean_byte) {
    anchors_.back() = a;  // an empty piece before: this one wins
  } else {
    anchors_.push_back(a);
  }
}

void TextBuilder::AppendSeparator(std::string_view sep, uint32_t raw_cp) {
  Anchor(raw_cp, false);
  text_.append(sep);
  in_verbatim_run_ = false;
  raw_end_ = raw_cp;
}

void TextBuilder::Close() {
  if (closed_) return;
  closed_ = true;
  if (!anchors_.empty()) Anchor(raw_end_, false);
}

std::string TextBuilder::TakeText() {
  Close();
  return std::move(text_);
}

std::vector<OffsetAnchor> TextBuilder::TakeAnchors() {
  Close();
  return std::move(anchors_);
}

void TextBuilder::AppendNormalized(std::string_view piece, uint32_t raw_cp) {
  size_t i = 0;
  uint32_t cp_index = raw_cp;
  while (i < piece.size()) {
    // A run of ASCII goes over as it is, in one piece: nothing below U+00A0 changes under
    // NFKC. Only the typewriter quotes of wire copy and treebanks fold: `` and '' are a double
    // quote, two code points in one.
    size_t ascii_end = i;
    while (ascii_end < piece.size() && static_cast<unsigned char>(piece[ascii_end]) < 0x80 &&
           !IsQuotePair(piece, ascii_end)) {
      ++ascii_end;
    }
    if (ascii_end == i && IsQuotePair(piece, i)) {
      Anchor(cp_index, false);
      text_.push_back('"');
      cp_index += 2;
      i += 2;
      in_verbatim_run_ = false;
      continue;
    }
    if (ascii_end > i) {
      if (!in_verbatim_run_ || run_next_raw_cp_ != cp_index) Anchor(cp_index, true);
      in_verbatim_run_ = true;
      text_.append(piece.substr(i, ascii_end - i));
      cp_index += static_cast<uint32_t>(ascii_end - i);
      run_next_raw_cp_ = cp_index;
      i = ascii_end;
      continue;
    }
    size_t start = i;
    char32_t cp = DecodeUtf8(piece, &i);
    const char* folded = Fold(cp);
    if (folded == nullptr && IsInert(cp)) {
      if (!in_verbatim_run_ || run_next_raw_cp_ != cp_index) Anchor(cp_index, true);
      in_verbatim_run_ = true;
      text_.append(piece.substr(start, i - start));
      run_next_raw_cp_ = ++cp_index;
      continue;
    }
    // A segment that changes: up to the next code point with a normalisation boundary.
    uint32_t seg_cps = 1;
    std::string out;
    if (folded != nullptr) {
      out = folded;
    } else {
      const icu::Normalizer2* n = Nfkc();
      while (i < piece.size()) {
        size_t next = i;
        char32_t c = DecodeUtf8(piece, &next);
        if (Fold(c) != nullptr || (n != nullptr && n->hasBoundaryBefore(static_cast<UChar32>(c)))) {
          break;
        }
        i = next;
        ++seg_cps;
      }
      out = NfkcSegment(piece.substr(start, i - start));
    }
    Anchor(cp_index, false);
    text_.append(out);
    cp_index += seg_cps;
    in_verbatim_run_ = false;
  }
  raw_end_ = cp_index;
}

std::string NormalizeText(std::string_view text) {
  TextBuilder b;
  b.AppendNormalized(text, 0);
  return b.TakeText();
}

}  // namespace crossread::clean
