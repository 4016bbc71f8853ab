#ifndef GOVREPORT_AGGREGATOR_SVC_UPSTREAM_STREAM_H_
#define GOVREPORT_AGGREGATOR_SVC_UPSTREAM_STREAM_H_

// Calls to an ordered bidirectional streaming RPC (ParseStream,
// ValidateStream: one response per request, in request order) over a few
// long-lived streams, so that a document costs a message on an open stream
// instead of a whole call (headers, call setup, a completion queue).
//
//   UpstreamStreams<v1::ParseRequest, v1::ParseResponse> parse(
//       [stub](grpc::ClientContext* c, auto* reactor) {
//         stub->async()->ParseStream(c, reactor);
//       },
//       {.streams = 4, .max_attempts = 4, .service = "parser-svc"});
//   absl::StatusOr<v1::ParseResponse> r = parse.Call(request, deadline);
//
// Promises:
//   - Call blocks until the item's response arrived and its write completed,
//     or its deadline passed (DEADLINE_EXCEEDED; the stream it was on is reset
//     so that a stuck server never holds the others).
//   - An item on a stream that broke (server gone: UNAVAILABLE; refused:
//     RESOURCE_EXHAUSTED; reset by another item's deadline: ABORTED) is sent
//     again on a fresh stream, up to max_attempts sends in all, with backoff
//     (0.1 s doubling to 2 s) inside its deadline. Items are pure requests, so
//     sending one again is safe.
//   - A stream takes items for at most `max_age` and `items_per_stream`
//     items, then is closed once they are answered and a new one opened: the
//     channel's load balancing sees new calls, so new backends get their
//     share, and servers may age connections out.
//   - A stream the server ended (its idle deadline, a shutdown: DEADLINE_
//     EXCEEDED or CANCELLED, the client sets neither) counts as broken: its
//     items are re-sent like those of a stream that lost its server.
//   - The destructor closes every stream and waits until gRPC is done with
//     them; no call may be running.
//
// Thread-safe.

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/client_callback.h"
#include "grpcpp/support/status.h"

namespace govreport::aggregator {

struct UpstreamStreamsOptions {
  // Streams open at once; items go round-robin over them.
  int streams = 4;
  // Sends per item (the first included) when its stream broke.
  int max_attempts = 4;
  int items_per_stream = 10000;
  absl::Duration max_age = absl::Seconds(60);
  // Names the service in messages ("parser-svc").
  std::string service;
};

template <typename Request, typename Response>
class UpstreamStreams {
 public:
  using Reactor = grpc::ClientBidiReactor<Request, Response>;
  // Starts the streaming call on `context` with `reactor` (the stub's
  // async()->XStream(context, reactor)).
  using Open = std::function<void(grpc::ClientContext*, Reactor*)>;

  UpstreamStreams(Open open, UpstreamStreamsOptions options)
      : open_(std::move(open)),
        options_(std::move(options)),
        slots_(std::max(1, options_.streams)),
        live_(std::make_shared<Live>()) {}

  ~UpstreamStreams() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (std::shared_ptr<Stream>& s : slots_) {
        if (s != nullptr) s->Close();
        s = nullptr;
      }
    }
    std::unique_lock<std::mutex> lock(live_->mu);
    live_->cv.wait(lock, [&] { return live_->streams == 0; });
  }

  UpstreamStreams(const UpstreamStreams&) = delete;
  UpstreamStreams& operator=(const UpstreamStreams&) = delete;

  // Sends `request` and returns its response. `request` is taken for the
  // call and given back (unchanged) unless the deadline passed. `what` names
  // the item in messages.
  absl::StatusOr<Response> Call(Request& request, absl::Time deadline,
                                absl::string_view what) {
    absl::Duration backoff = absl::Milliseconds(100);
    absl::Status last;
    for (int attempt = 0; attempt < std::max(1, options_.max_attempts);
         ++attempt) {
      if (attempt > 0) {
        const absl::Duration wait =
            std::min(backoff, deadline - absl::Now());
        if (wait > absl::ZeroDuration()) absl::SleepFor(wait);
        backoff = std::min(backoff * 2, absl::Seconds(2));
      }
      if (absl::Now() >= deadline) break;
      auto pending = std::make_shared<Pending>();
      pending->request.Swap(&request);
      std::future<void> done = pending->done.get_future();
      std::shared_ptr<Stream> stream = Enqueue(pending);
      if (stream == nullptr) {
        pending->request.Swap(&request);
        last = absl::UnavailableError(absl::StrCat(
            what, ": ", options_.service, ": the stream could not be opened"));
        continue;
      }
      if (done.wait_until(absl::ToChronoTime(deadline)) ==
          std::future_status::timeout) {
        stream->Reset();
        return absl::DeadlineExceededError(
            absl::StrCat(what, ": ", options_.service, ": deadline exceeded"));
      }
      // Finished: gRPC no longer reads the request.
      pending->request.Swap(&request);
      if (pending->status.ok()) return std::move(pending->response);
      last = absl::Status(pending->status.code(),
                          absl::StrCat(what, ": ", options_.service, ": ",
                                       pending->status.message()));
      if (!Retryable(pending->status)) return last;
    }
    if (last.ok()) {
      return absl::DeadlineExceededError(
          absl::StrCat(what, ": ", options_.service, ": deadline exceeded"));
    }
    return last;
  }

 private:
  struct Pending {
    Request request;
    Response response;
    absl::Status status;
    // Guarded by the stream's mutex.
    bool written = false;
    bool answered = false;
    bool finished = false;
    std::promise<void> done;
  };

  // Streams alive (until their OnDone), for the destructor.
  struct Live {
    std::mutex mu;
    std::condition_variable cv;
    int streams = 0;
  };

  static bool Retryable(const absl::Status& s) {
    return absl::IsUnavailable(s) || absl::IsResourceExhausted(s) ||
           absl::IsAborted(s);
  }

  class Stream : public Reactor {
   public:
    Stream(int capacity, absl::Time retire_at, std::shared_ptr<Live> live)
        : capacity_(capacity), retire_at_(retire_at), live_(std::move(live)) {
      std::lock_guard<std::mutex> lock(live_->mu);
      ++live_->streams;
    }

    // Starts the call; the stream keeps itself alive until OnDone.
    void Start(const Open& open, std::shared_ptr<Stream> self) {
      self_ = std::move(self);
      open(&context_, this);
      this->AddHold();  // Writes are started from outside reactions.
      this->StartRead(&read_);
      this->StartCall();
    }

    // False when the stream takes no more items.
    bool Enqueue(std::shared_ptr<Pending> p) {
      std::lock_guard<std::mutex> lock(mu_);
      if (!closing_ && absl::Now() >= retire_at_) {
        closing_ = true;
        ReleaseIfIdle();
      }
      if (closing_) return false;
      if (++items_ >= capacity_) closing_ = true;
      unanswered_.push_back(p);
      if (writing_) {
        unwritten_.push_back(std::move(p));
      } else {
        writing_ = true;
        this->StartWrite(&p->request);
        in_write_ = std::move(p);
      }
      return true;
    }

    // No more items; ends once the ones taken are answered.
    void Close() {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
      ReleaseIfIdle();
    }

    // Ends the stream now; the items on it fail with ABORTED (retryable).
    void Reset() {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
      reset_ = true;
      context_.TryCancel();
    }

    void OnWriteDone(bool ok) override {
      std::lock_guard<std::mutex> lock(mu_);
      in_write_->written = true;
      if (in_write_->answered) Finish(*in_write_, absl::OkStatus());
      in_write_ = nullptr;
      writing_ = false;
      if (!ok) {
        Broken();
        return;
      }
      if (!broken_ && !unwritten_.empty()) {
        writing_ = true;
        in_write_ = std::move(unwritten_.front());
        unwritten_.pop_front();
        this->StartWrite(&in_write_->request);
        return;
      }
      ReleaseIfIdle();
    }

    void OnReadDone(bool ok) override {
      std::lock_guard<std::mutex> lock(mu_);
      if (!ok) {
        Broken();
        return;
      }
      if (unanswered_.empty()) {  // More responses than requests.
        protocol_error_ = true;
        Broken();
        context_.TryCancel();
        return;
      }
      std::shared_ptr<Pending> p = std::move(unanswered_.front());
      unanswered_.pop_front();
      p->response = std::move(read_);
      read_.Clear();
      p->answered = true;
      if (p->written) Finish(*p, absl::OkStatus());
      this->StartRead(&read_);
      ReleaseIfIdle();
    }

    void OnDone(const grpc::Status& status) override {
      {
        std::lock_guard<std::mutex> lock(mu_);
        absl::Status failure;
        if (reset_) {
          failure = absl::AbortedError(
              "the stream was reset after another item's deadline passed");
        } else if (protocol_error_) {
          failure = absl::InternalError("more responses than requests");
        } else if (status.ok()) {
          failure = absl::UnavailableError("the stream ended before answering");
        } else if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
                   status.error_code() == grpc::StatusCode::CANCELLED) {
          failure = absl::AbortedError(
              absl::StrCat("the server ended the stream: ",
                           status.error_message()));
        } else {
          failure = absl::Status(
              static_cast<absl::StatusCode>(status.error_code()),
              status.error_message());
        }
        for (std::shared_ptr<Pending>& p : unanswered_) Finish(*p, failure);
        unanswered_.clear();
        unwritten_.clear();
      }
      {
        std::lock_guard<std::mutex> lock(live_->mu);
        --live_->streams;
      }
      live_->cv.notify_all();
      std::shared_ptr<Stream> self = std::move(self_);
      // `self` deletes this stream on return.
    }

   private:
    // mu_ held.
    void Finish(Pending& p, absl::Status status) {
      if (p.finished) return;
      p.finished = true;
      p.status = std::move(status);
      p.done.set_value();
    }

    // No more writes from outside reactions (mu_ held).
    void Broken() {
      broken_ = true;
      closing_ = true;
      if (!hold_released_) {
        hold_released_ = true;
        this->RemoveHold();
      }
    }

    // Half-closes a closing stream once nothing is in flight (mu_ held).
    void ReleaseIfIdle() {
      if (!closing_ || hold_released_ || writing_ || !unanswered_.empty())
        return;
      hold_released_ = true;
      if (!broken_) this->StartWritesDone();
      this->RemoveHold();
    }

    const int capacity_;
    const absl::Time retire_at_;
    std::shared_ptr<Live> live_;
    grpc::ClientContext context_;
    std::shared_ptr<Stream> self_;
    std::mutex mu_;
    Response read_;
    std::deque<std::shared_ptr<Pending>> unanswered_;  // In request order.
    std::deque<std::shared_ptr<Pending>> unwritten_;
    std::shared_ptr<Pending> in_write_;
    int items_ = 0;
    bool writing_ = false;
    bool closing_ = false;
    bool broken_ = false;
    bool reset_ = false;
    bool protocol_error_ = false;
    bool hold_released_ = false;
  };

  // Puts the item on the stream of the next slot, opened (again) when it
  // takes no more items; nullptr when a new stream broke at once.
  std::shared_ptr<Stream> Enqueue(std::shared_ptr<Pending> pending) {
    std::lock_guard<std::mutex> lock(mu_);
    std::shared_ptr<Stream>& slot = slots_[next_++ % slots_.size()];
    if (slot != nullptr && slot->Enqueue(pending)) return slot;
    if (slot != nullptr) slot->Close();
    slot = std::make_shared<Stream>(std::max(1, options_.items_per_stream),
                                    absl::Now() + options_.max_age, live_);
    slot->Start(open_, slot);
    // A new stream refuses only when it already broke (server unreachable).
    return slot->Enqueue(std::move(pending)) ? slot : nullptr;
  }

  const Open open_;
  const UpstreamStreamsOptions options_;
  std::mutex mu_;
  std::vector<std::shared_ptr<Stream>> slots_;
  size_t next_ = 0;
  std::shared_ptr<Live> live_;
};

}  // namespace govreport::aggregator

#endif  // GOVREPORT_AGGREGATOR_SVC_UPSTREAM_STREAM_H_
