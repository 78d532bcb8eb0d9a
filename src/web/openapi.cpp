// The OpenAPI 3.0 description of the HTTP API, kept beside the routes it describes.
#include "web/request_api.hpp"

namespace imsgate::web {

const std::string& openapi_document() {
  static const std::string kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "imsgate",
    "version": "1",
    "description": "An IMS2.0 data centre: station data in, IMS2.0 requests answered (IDC-ENG-SPC-103-Rev.8)."
  },
  "components": {
    "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "imsgate admin token create"}},
    "schemas": {
      "Error": {"type": "object", "properties": {"error": {"type": "string"}}},
      "Request": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"},
          "channel": {"type": "string", "enum": ["email", "rest"]},
          "requester": {"type": "string"},
          "msg_id": {"type": "string", "description": "the request's MSG_ID"},
          "received_at": {"type": "string", "format": "date-time"},
          "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
          "products": {"type": "string", "description": "the request lines' keywords, comma-separated"},
          "response_bytes": {"type": "integer"},
          "parts": {"type": "integer"},
          "outcome": {"type": "string"},
          "reply_to": {"type": "string"},
          "finished_at": {"type": "string", "format": "date-time"},
          "delivered_at": {"type": "string", "format": "date-time"},
          "status_url": {"type": "string"},
          "result_url": {"type": "string"}
        }
      },
      "Message": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "sha256": {"type": "string"}, "size": {"type": "integer"},
          "received_at": {"type": "string", "format": "date-time"},
          "door": {"type": "string", "enum": ["maildir", "pipe", "upload", "reprocess"]},
          "sender": {"type": "string"}, "subject": {"type": "string"}, "msg_type": {"type": "string"},
          "msg_id": {"type": "string"}, "ref_id": {"type": "string"}, "data_types": {"type": "string"},
          "station": {"type": "string"}, "signature": {"type": "string", "enum": ["unsigned", "valid", "invalid"]},
          "signer": {"type": "string"}, "status": {"type": "string", "enum": ["accepted", "rejected"]},
          "reason": {"type": "string"}, "diagnostics": {"type": "string"}
        }
      }
    }
  },
  "security": [{"token": []}],
  "paths": {
    "/api/v1/requests": {
      "post": {
        "summary": "Send an IMS2.0 request message (chapter 4) or the word HELP",
        "parameters": [{"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["sync", "async"]},
                        "description": "async (or the header Prefer: respond-async) queues the request as a job"}],
        "requestBody": {"required": true, "content": {"text/plain": {"schema": {"type": "string"}}}},
        "responses": {
          "200": {"description": "The response data message(s), BEGIN to STOP",
                  "content": {"text/plain": {"schema": {"type": "string"}}}},
          "202": {"description": "A job: queued, or done with a result larger than the inline limit",
                  "headers": {"Location": {"schema": {"type": "string"}}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}},
          "400": {"description": "Empty body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "401": {"description": "No valid API token"}
        }
      },
      "get": {
        "summary": "The requests of the user (every user's for an administrator), newest first",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "default": 100}},
                       {"name": "before", "in": "query", "schema": {"type": "integer"}, "description": "ids below this"}],
        "responses": {"200": {"description": "Requests", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"requests": {"type": "array", "items": {"$ref": "#/components/schemas/Request"}}}}}}}}
      }
    },
    "/api/v1/requests/{id}": {
      "get": {
        "summary": "A request's status and outcome",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "The request", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}},
                      "404": {"description": "Unknown, or another user's"}}
      }
    },
    "/api/v1/requests/{id}/result": {
      "get": {
        "summary": "The response of a done request; resumable with Range: bytes=N-",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                       {"name": "Range", "in": "header", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The whole response", "content": {"text/plain": {"schema": {"type": "string"}}}},
                      "206": {"description": "The bytes asked for", "headers": {"Content-Range": {"schema": {"type": "string"}}}},
                      "409": {"description": "Not done yet"},
                      "416": {"description": "The range is outside the result"}}
      }
    },
    "/api/v1/messages": {
      "post": {
        "summary": "Upload a data message (an e-mail, or IMS2.0 text) into the intake",
        "requestBody": {"required": true, "content": {"message/rfc822": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}},
        "responses": {"202": {"description": "In the intake", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"sha256": {"type": "string"}, "status": {"type": "string"}, "location": {"type": "string"}}}}}},
          "401": {"description": "No valid API token"}}
      },
      "get": {
        "summary": "Received messages (administrators)",
        "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["accepted", "rejected"]}},
                       {"name": "station", "in": "query", "schema": {"type": "string"}},
                       {"name": "data_type", "in": "query", "schema": {"type": "string"}},
                       {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                       {"name": "before", "in": "query", "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "Messages", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}}}}}}}}
      }
    },
    "/api/v1/messages/{id}": {
      "get": {
        "summary": "One message by id or SHA-256 (an uploader sees their own)",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The message", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}},
                      "404": {"description": "Not stored (yet), or not the user's"}}
      }
    },
    "/api/v1/rejected": {
      "get": {"summary": "Rejected messages with their reasons and diagnostics (administrators)",
              "responses": {"200": {"description": "Messages"}}}
    },
    "/api/v1/openapi.json": {"get": {"summary": "This description", "security": [], "responses": {"200": {"description": "OpenAPI 3.0"}}}},
    "/metrics": {"get": {"summary": "Prometheus metrics", "security": [], "responses": {"200": {"description": "text format 0.0.4"}}}},
    "/livez": {"get": {"summary": "The process runs", "security": [], "responses": {"200": {"description": "ok"}}}},
    "/readyz": {"get": {"summary": "The store and the intake are ready", "security": [],
                        "responses": {"200": {"description": "ready"}, "503": {"description": "not ready"}}}}
  }
})json";
  return kDocument;
}

}  // namespace imsgate::web
