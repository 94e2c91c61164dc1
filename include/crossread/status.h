// Status and Result<T>: errors as values, modelled on absl::Status / absl::StatusOr.
//
// Anything that can fail on outside input returns one of these. A Status carries a code and a
// message meant for a person ("file is binary, not text"); the code picks the exit status.
#ifndef CROSSREAD_STATUS_H_
#define CROSSREAD_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace crossread {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad usage or a bad option value
  kNotFound,         // a path that does not exist
  kDataLoss,         // input bytes that cannot be read as what they claim to be
  kIoError,          // the operating system refused a read or a write
  kInternal,         // a bug: an invariant did not hold
};

class Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status DataLoss(std::string msg) { return Status(StatusCode::kDataLoss, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(StatusCode::kIoError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit like absl::StatusOr
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace crossread

#define CROSSREAD_RETURN_IF_ERROR(expr)          \
  do {                                           \
    ::crossread::Status crossread_status_ = (expr); \
    if (!crossread_status_.ok()) return crossread_status_; \
  } while (0)

#define CROSSREAD_CONCAT_INNER_(a, b) a##b
#define CROSSREAD_CONCAT_(a, b) CROSSREAD_CONCAT_INNER_(a, b)
#define CROSSREAD_ASSIGN_OR_RETURN(lhs, expr) \
  CROSSREAD_ASSIGN_OR_RETURN_IMPL_(CROSSREAD_CONCAT_(crossread_result_, __LINE__), lhs, expr)
#define CROSSREAD_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                     \
  if (!result.ok()) return result.status();                 \
  lhs = std::move(result).value()

#endif  // CROSSREAD_STATUS_H_
