// Little-endian binary encoding for the engine's model and state files: fixed-width values,
// varints and length-prefixed strings, written to a std::string and read back with bounds checks.
#ifndef CROSSREAD_COMMON_BYTES_H_
#define CROSSREAD_COMMON_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace crossread {

template <typename T>
void PutFixed(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}
inline void PutU32(std::string* out, uint32_t v) { PutFixed(out, v); }
inline void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
inline void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

// Reads what the Put functions wrote. Each call returns false, reading nothing, when the bytes
// run out or are malformed.
class ByteReader {
 public:
  explicit ByteReader(std::string_view b) : b_(b) {}

  template <typename T>
  bool Fixed(T* v) {
    if (pos_ + sizeof(T) > b_.size()) return false;
    std::memcpy(v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool U8(uint8_t* v) { return Fixed(v); }
  bool I16(int16_t* v) { return Fixed(v); }
  bool U32(uint32_t* v) { return Fixed(v); }
  bool F32(float* v) { return Fixed(v); }
  template <typename T>
  bool Varint(T* v) {
    uint64_t x = 0;
    size_t p = pos_;
    for (int shift = 0; shift < 64 && p < b_.size(); shift += 7) {
      uint8_t b = static_cast<uint8_t>(b_[p++]);
      x |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) {
        if (static_cast<T>(x) != x) return false;
        *v = static_cast<T>(x);
        pos_ = p;
        return true;
      }
    }
    return false;
  }
  bool Str(std::string* s, size_t n) {
    if (n > b_.size() - pos_) return false;
    s->assign(b_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool String(std::string* s) {
    size_t save = pos_, n = 0;
    if (Varint(&n) && Str(s, n)) return true;
    pos_ = save;
    return false;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace crossread

#endif  // CROSSREAD_COMMON_BYTES_H_
