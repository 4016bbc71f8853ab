#ifndef GOVREPORT_PARSER_SVC_PARSER_SERVICE_H_
#define GOVREPORT_PARSER_SVC_PARSER_SERVICE_H_

// govreport.v1.Parser over gRPC, on top of parser::Parser.
//
// Parse (unary): OK with the Report, or the parser's error as the call's
// status (INVALID_ARGUMENT for unreadable input, RESOURCE_EXHAUSTED over the
// size limit, ...), its message naming the document, the place and the
// reason. The response echoes the request's name.
//
// ParseStream: one response per request, in request order. A document that
// cannot be parsed gets a response with error_code / error_message set and
// no report; the stream goes on with the next document.
//
// Both go through the process's CallRunner: admission limit, worker threads.
// Logs name and size of each document at debug level, never its content.
//
// Thread-safe: calls may run concurrently (Parser::Parse is const).

#include "common/server/call_runner.h"
#include "govreport/v1/parser.grpc.pb.h"
#include "parser-svc/parser.h"

namespace govreport::parser {

// The result for one document, as ParseStream sends it.
v1::ParseResponse ParseDocument(const Parser& parser,
                                const v1::ParseRequest& request);

class ParserService final : public v1::Parser::CallbackService {
 public:
  // `parser` and `runner` must outlive the service.
  ParserService(const Parser* parser, server::CallRunner* runner)
      : parser_(parser), runner_(runner) {}

  grpc::ServerUnaryReactor* Parse(grpc::CallbackServerContext* context,
                                  const v1::ParseRequest* request,
                                  v1::ParseResponse* response) override;

  grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>* ParseStream(
      grpc::CallbackServerContext* context) override;

 private:
  const Parser* parser_;
  server::CallRunner* runner_;
};

}  // namespace govreport::parser

#endif  // GOVREPORT_PARSER_SVC_PARSER_SERVICE_H_
