// The only file that includes Beast and Asio: they cost seconds per translation unit.
#include "web/http_server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <exception>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "web/request_target.hpp"

namespace imsgate::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using Tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

constexpr std::size_t kHeaderLimit = 64 * 1024;
// When a request is refused before its body is read, this much of the body is read and dropped, for at most
// kCloseTimeout, so that closing does not reset the connection before the client has read the refusal.
constexpr std::size_t kDrainLimit = 64 * 1024 * 1024;
constexpr std::size_t kDrainChunk = 64 * 1024;
constexpr auto kCloseTimeout = std::chrono::seconds(5);
constexpr auto kAcceptRetry = std::chrono::milliseconds(200);

// What every connection shares; it outlives them all (see HttpServer::Impl::stop).
struct Shared {
  const ServerSettings& settings;
  const Router& router;
};

std::string http_date() {
  return fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT", fmt::gmtime(std::time(nullptr)));
}

bool unsafe_header_text(std::string_view s) {
  return s.find_first_of("\r\n") != std::string_view::npos;
}

// A completion handler without its type. (Asio's any_completion_handler would do, but in Boost 1.81 its
// executor cannot be required to be non-blocking, which the TLS stream's operations do.) Everything of a
// connection runs on its strand, the socket's executor, so what the erasure drops (the handler's executor) is
// not missed.
template <class... Args>
class ErasedHandler {
 public:
  template <class Handler>
  explicit ErasedHandler(Handler handler) : impl_(std::make_unique<Model<Handler>>(std::move(handler))) {}

  void operator()(Args... args) {
    const auto impl = std::move(impl_);
    impl->call(args...);
  }

 private:
  struct Base {
    virtual ~Base() = default;
    virtual void call(Args... args) = 0;
  };
  template <class Handler>
  struct Model final : Base {
    explicit Model(Handler h) : handler(std::move(h)) {}
    void call(Args... args) override { std::move(handler)(args...); }
    Handler handler;
  };
  std::unique_ptr<Base> impl_;
};
using IoHandler = ErasedHandler<beast::error_code, std::size_t>;
using DoneHandler = ErasedHandler<beast::error_code>;

// A connection's bytes, over plain TCP or TLS, as an Asio stream. Its reads and writes accept any buffers and
// handler but pass on one buffer (reads) or a list (writes) and a type-erased handler: Beast's HTTP
// algorithms are then compiled once, for this type, and Asio's TLS operations once, for the erased handler.
// (Templates on the two stream types would compile everything twice, the TLS half at a cost of tens of
// seconds.)
class ByteStream {
 public:
  using executor_type = net::any_io_executor;

  ByteStream(Tcp::socket socket, ssl::context* tls) {
    if (tls)
      tls_.emplace(std::move(socket), *tls);
    else
      plain_.emplace(std::move(socket));
  }

  executor_type get_executor() { return tcp().get_executor(); }
  beast::tcp_stream& tcp() { return tls_ ? tls_->next_layer() : *plain_; }  // for timeouts
  bool tls() const { return tls_.has_value(); }

  template <class MutableBuffers, class Token>
  auto async_read_some(const MutableBuffers& buffers, Token&& token) {
    net::mutable_buffer first;
    for (auto it = net::buffer_sequence_begin(buffers); it != net::buffer_sequence_end(buffers); ++it)
      if (net::mutable_buffer b(*it); b.size() > 0) {
        first = b;  // read_some may fill only part of the buffers
        break;
      }
    return net::async_initiate<Token, void(beast::error_code, std::size_t)>(
        [this](auto handler, net::mutable_buffer buffer) {
          read_some(buffer, IoHandler(std::move(handler)));
        },
        token, first);
  }

  template <class ConstBuffers, class Token>
  auto async_write_some(const ConstBuffers& buffers, Token&& token) {
    std::vector<net::const_buffer> list(net::buffer_sequence_begin(buffers),
                                        net::buffer_sequence_end(buffers));
    return net::async_initiate<Token, void(beast::error_code, std::size_t)>(
        [this](auto handler, std::vector<net::const_buffer> list) {
          write_some(std::move(list), IoHandler(std::move(handler)));
        },
        token, std::move(list));
  }

  void async_handshake(DoneHandler handler) {
    if (tls_) tls_->async_handshake(ssl::stream_base::server, std::move(handler));
  }

  // TLS: close_notify, and wait for the client's. Plain: half-close.
  void shut_down(DoneHandler handler) {
    if (tls_) return tls_->async_shutdown(std::move(handler));
    beast::error_code ignored;
    plain_->socket().shutdown(Tcp::socket::shutdown_send, ignored);
  }

 private:
  void read_some(net::mutable_buffer buffer, IoHandler handler) {
    if (tls_) return tls_->async_read_some(buffer, std::move(handler));
    plain_->async_read_some(buffer, std::move(handler));
  }
  void write_some(std::vector<net::const_buffer> list, IoHandler handler) {
    if (tls_) return tls_->async_write_some(std::move(list), std::move(handler));
    plain_->async_write_some(std::move(list), std::move(handler));
  }

  std::optional<beast::tcp_stream> plain_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls_;
};

// One connection: read a request, run its handler, write the response, and again while keep-alive holds. All
// runs on the connection's strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(const Shared& shared, std::string remote, Tcp::socket socket, ssl::context* tls)
      : shared_(shared), remote_(std::move(remote)), stream_(std::move(socket), tls) {}

  void run() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::start, self())); }

 private:
  std::shared_ptr<Session> self() { return shared_from_this(); }
  beast::tcp_stream& tcp() { return stream_.tcp(); }
  std::chrono::seconds idle_timeout() const { return shared_.settings.idle_timeout; }

  void start() {
    if (!stream_.tls()) return read_header();
    tcp().expires_after(idle_timeout());
    stream_.async_handshake(DoneHandler([self = self()](beast::error_code ec) {
      if (!ec) self->read_header();  // a failed handshake has no one to answer
    }));
  }

  void read_header() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(shared_.settings.body_limit);
    request_ = Request{};
    request_.remote = remote_;
    tcp().expires_after(idle_timeout());
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, self()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    started_ = SteadyClock::now();
    const auto& message = parser_->get();
    request_.method = std::string(message.method_string());
    for (const auto& field : message)
      request_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    auto target = parse_request_target(message.target());
    if (target) {  // also for a request refused below, for on_response
      request_.path = std::move(target->path);
      request_.query = std::move(target->query);
    }
    if (ec) return on_read_error(ec);
    if (!target) return refuse(400, target.error());
    if (parser_->is_done()) return handle();
    if (beast::iequals(message[http::field::expect], "100-continue")) {
      continue_ = {http::status::continue_, message.version()};
      tcp().expires_after(idle_timeout());
      http::async_write(stream_, continue_, [self = self()](beast::error_code ec, std::size_t) {
        if (!ec) self->read_body();
      });
      return;
    }
    read_body();
  }

  // A new deadline for every piece of the body: a large upload may take long as long as it moves.
  void read_body() {
    tcp().expires_after(idle_timeout());
    http::async_read_some(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_body, self()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    if (!parser_->is_done()) return read_body();
    handle();
  }

  void on_read_error(beast::error_code ec) {
    if (ec == http::error::body_limit)
      return refuse(413, fmt::format("the body is larger than {} bytes", shared_.settings.body_limit));
    if (ec == http::error::header_limit) return refuse(431, "the header is too large");
    // A parse error is the client's fault and gets an answer; end of stream, timeouts and I/O errors end the
    // connection quietly (the stream closes the socket on a timeout itself).
    if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
        ec != http::error::end_of_stream && ec != http::error::partial_message)
      return refuse(400, fmt::format("malformed request: {}", ec.message()));
    if (ec == http::error::end_of_stream) close();
  }

  void handle() {
    auto& message = parser_->get();
    request_.body = std::move(message.body());
    Response response;
    try {
      response = shared_.router.dispatch(request_);
    } catch (const std::exception& e) {
      response = handler_failed(e.what());
    } catch (...) {
      response = handler_failed("unknown exception");
    }
    send(std::move(response), !message.keep_alive());
  }

  Response handler_failed(std::string_view what) {
    if (shared_.settings.on_handler_exception) shared_.settings.on_handler_exception(request_, what);
    return json_error(500, "internal server error");
  }

  void refuse(int status, std::string_view message) {
    unread_request_ = !parser_->is_done();
    send(json_error(status, message), true);
  }

  void send(Response response, bool close) {
    response_ = std::move(response);
    close_ = close;
    const auto& message = parser_->get();
    if (response_.status < 100 || response_.status > 999)
      response_ = json_error(500, "invalid response status");
    const int status = response_.status;
    if (status < 200 || status == 204 || status == 304) response_.body.clear();  // these carry no body

    res_ = {};
    res_.version(message.version() == 10 ? 10 : 11);
    res_.result(static_cast<unsigned>(status));
    res_.set(http::field::server, "imsgate");
    res_.set(http::field::date, http_date());
    if (!response_.content_type.empty() && !unsafe_header_text(response_.content_type))
      res_.set(http::field::content_type, response_.content_type);
    for (const auto& [name, value] : response_.headers)
      if (!name.empty() && !unsafe_header_text(name) && !unsafe_header_text(value)) res_.insert(name, value);
    if (shared_.settings.on_response) {
      const std::chrono::duration<double> seconds = SteadyClock::now() - started_;
      shared_.settings.on_response(request_, response_, seconds.count());
    }
    res_.body() = std::move(response_.body);
    res_.keep_alive(!close);
    res_.prepare_payload();
    if (request_.method == "HEAD") res_.body().clear();  // keeps the GET's Content-Length
    serializer_.emplace(res_);
    write_some();
  }

  void write_some() {
    tcp().expires_after(idle_timeout());
    http::async_write_some(stream_, *serializer_, beast::bind_front_handler(&Session::on_write, self()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!serializer_->is_done()) return write_some();
    serializer_.reset();
    if (close_) return close();
    read_header();
  }

  // Plain: half-close at once, so that a client waiting for the end of the response sees it. The rest of a
  // refused request is read and dropped first, as closing with unread data would reset the connection, and
  // the client might lose the refusal.
  void close() {
    if (!stream_.tls()) shut_down();
    if (unread_request_) {
      tcp().expires_after(kCloseTimeout);
      return drain();
    }
    if (stream_.tls()) shut_down();
  }

  void drain() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kDrainChunk),
                            [self = self()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (!ec && self->drained_ < kDrainLimit) return self->drain();
                              if (self->stream_.tls()) self->shut_down();
                            });
  }

  void shut_down() {
    if (stream_.tls()) tcp().expires_after(kCloseTimeout);
    stream_.shut_down(DoneHandler([self = self()](beast::error_code) {}));
  }

  const Shared& shared_;
  const std::string remote_;
  ByteStream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::empty_body> continue_;
  http::response<http::string_body> res_;
  std::optional<http::response_serializer<http::string_body>> serializer_;
  Request request_;
  Response response_;
  bool close_ = false;
  bool unread_request_ = false;  // refused before the whole request was read
  SteadyClock::time_point started_;
  std::size_t drained_ = 0;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, Tcp::acceptor acceptor, ssl::context* tls, const Shared& shared)
      : ioc_(ioc),
        acceptor_(std::move(acceptor)),
        retry_(acceptor_.get_executor()),
        tls_(tls),
        shared_(shared) {}

  void accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

 private:
  void on_accept(beast::error_code ec, Tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (ec) {  // out of descriptors, say: wait rather than spin
      retry_.expires_after(kAcceptRetry);
      retry_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->accept();
      });
      return;
    }
    serve(std::move(socket));
    // Take every connection already waiting, not one per turn: each turn waits behind the handlers of all
    // busy connections, so under many clients the last ones to connect would wait seconds to be accepted.
    for (;;) {
      beast::error_code more;
      Tcp::socket next(net::make_strand(ioc_));
      acceptor_.accept(next, more);  // the acceptor is non-blocking: would_block when none is waiting
      if (more) break;
      serve(std::move(next));
    }
    accept();
  }

  void serve(Tcp::socket socket) {
    beast::error_code ignored;
    auto remote = socket.remote_endpoint(ignored).address().to_string();
    std::make_shared<Session>(shared_, std::move(remote), std::move(socket), tls_)->run();
  }

  net::io_context& ioc_;
  Tcp::acceptor acceptor_;
  net::steady_timer retry_;
  ssl::context* tls_;
  const Shared& shared_;
};

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerSettings settings, Router router) : settings_(std::move(settings)), router_(std::move(router)) {}
  ~Impl() { stop(); }

  tl::expected<void, std::string> start() {
    if (ioc_ || stopped_) return tl::unexpected<std::string>("the server was started already");
    if (settings_.tls_certificate_file.empty() != settings_.tls_key_file.empty())
      return tl::unexpected<std::string>("TLS needs both a certificate file and a key file");
    if (!settings_.tls_certificate_file.empty())
      if (auto loaded = load_tls(); !loaded) return loaded;

    ioc_.emplace(std::max(settings_.threads, 1));
    auto acceptor = listen();
    if (!acceptor) {
      ioc_.reset();
      return tl::unexpected(acceptor.error());
    }
    port_ = acceptor->local_endpoint().port();
    std::make_shared<Listener>(*ioc_, std::move(*acceptor), tls_ ? &*tls_ : nullptr, shared_)->accept();
    for (int i = 0; i < std::max(settings_.threads, 1); ++i)
      threads_.emplace_back([this] {
        // A throwing access-log hook must not take the whole server down: drop that connection, go on.
        for (;;) {
          try {
            ioc_->run();
            return;
          } catch (...) {
          }
        }
      });
    return {};
  }

  // Destroying the io_context destroys the handlers still queued, and with them the last owners of every
  // session and of the listener: sockets close, and nothing outlives settings_ and router_.
  void stop() {
    if (!ioc_) return;
    ioc_->stop();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
    ioc_.reset();
    stopped_ = true;
  }

  unsigned short port() const { return port_; }

 private:
  tl::expected<void, std::string> load_tls() {
    tls_.emplace(ssl::context::tls_server);
    tls_->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    beast::error_code ec;
    tls_->use_certificate_chain_file(settings_.tls_certificate_file, ec);
    if (ec)
      return tl::unexpected(
          fmt::format("TLS certificate {}: {}", settings_.tls_certificate_file, ec.message()));
    tls_->use_private_key_file(settings_.tls_key_file, ssl::context::pem, ec);
    if (ec) return tl::unexpected(fmt::format("TLS key {}: {}", settings_.tls_key_file, ec.message()));
    return {};
  }

  tl::expected<Tcp::acceptor, std::string> listen() {
    const auto failed = [&](beast::error_code ec) {
      return tl::unexpected(
          fmt::format("cannot listen on {}:{}: {}", settings_.address, settings_.port, ec.message()));
    };
    beast::error_code ec;
    Tcp::resolver resolver(*ioc_);
    const auto endpoints = resolver.resolve(settings_.address, std::to_string(settings_.port),
                                            Tcp::resolver::passive | Tcp::resolver::numeric_service, ec);
    if (ec) return failed(ec);
    if (endpoints.empty()) return failed(net::error::host_not_found);
    const Tcp::endpoint endpoint = *endpoints.begin();
    Tcp::acceptor acceptor(net::make_strand(*ioc_));
    if (acceptor.open(endpoint.protocol(), ec); ec) return failed(ec);
    if (acceptor.set_option(net::socket_base::reuse_address(true), ec); ec) return failed(ec);
    if (acceptor.bind(endpoint, ec); ec) return failed(ec);
    if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec) return failed(ec);
    if (acceptor.non_blocking(true, ec); ec) return failed(ec);
    return acceptor;
  }

  const ServerSettings settings_;
  const Router router_;
  const Shared shared_{settings_, router_};
  std::optional<ssl::context> tls_;
  std::optional<net::io_context> ioc_;
  std::vector<std::thread> threads_;
  unsigned short port_ = 0;
  bool stopped_ = false;
};

HttpServer::HttpServer(ServerSettings settings, Router router)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(router))) {}
HttpServer::~HttpServer() = default;

tl::expected<void, std::string> HttpServer::start() {
  return impl_->start();
}
unsigned short HttpServer::port() const {
  return impl_->port();
}
void HttpServer::stop() {
  impl_->stop();
}

}  // namespace imsgate::web
