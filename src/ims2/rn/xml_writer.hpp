// A small writer of well-formed XML (the SAMPML documents and the XHTML of the products): elements indented
// one level per depth, text and attribute values escaped, every character outside ASCII written as a
// character reference so that the document is ASCII whatever encoding it declares.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace imsgate::ims2::rn {

using XmlAttributes = std::vector<std::pair<std::string_view, std::string>>;

class XmlWriter {
 public:
  explicit XmlWriter(std::string prolog) : out_(std::move(prolog)) {}

  void open(std::string_view name, const XmlAttributes& attributes = {});
  void close();
  // <name attributes>text</name>; an empty text gives <name attributes/>.
  void leaf(std::string_view name, std::string_view text, const XmlAttributes& attributes = {});
  // Mixed content on one line: <p>text<br/>text</p> is built from pieces of escaped text and markup.
  void line(std::string_view markup);
  // Well-formed XML kept from a document that was read (an element this writer does not model).
  void raw(std::string_view xml);

  std::string escape(std::string_view text);  // records an error for text that XML cannot hold
  tl::expected<std::string, std::string> finish();

 private:
  void start_tag(std::string_view name, const XmlAttributes& attributes, bool empty);
  void indent();

  std::string out_;
  std::vector<std::string> open_;
  std::string error_;
};

}  // namespace imsgate::ims2::rn
