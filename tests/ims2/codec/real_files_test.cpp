// The codecs on real GSE2 files (ObsPy's test data, ../shared/testdata/real/obspy-gse2) and their oracles.
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ims2/codec/chk2.hpp"
#include "ims2/codec/codec.hpp"
#include "segment.hpp"

namespace imsgate::ims2::codec {
namespace {

using testing::chk2_field;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using testing::find_segment;
using testing::read_real;

struct Decoded {
  std::vector<std::int32_t> samples;
  std::size_t chk2_at = 0;  // where the CHK2 line starts
  Chk2Comparison chk2;
};

Decoded decode_file(const std::string& file) {
  const auto seg = find_segment(file);
  Decoded d;
  auto consumed = decode(seg.subformat, std::string_view(file).substr(seg.data), seg.count, d.samples);
  EXPECT_TRUE(consumed.has_value()) << (consumed ? "" : consumed.error().message);
  if (!consumed) return d;
  d.chk2_at = seg.data + *consumed;
  auto chk2 = compare_chk2(chk2_field(file, d.chk2_at), compute_chk2(d.samples));
  EXPECT_TRUE(chk2.has_value());
  if (chk2) d.chk2 = *chk2;
  return d;
}

TEST(RealFiles, Cm6RjobFirstSamplesAndChk2) {
  const auto d = decode_file(read_real("loc_RJOB20050831023349.z"));
  ASSERT_EQ(d.samples.size(), 12000u);
  EXPECT_THAT(std::vector<std::int32_t>(d.samples.begin(), d.samples.begin() + 13),
              ElementsAre(12, -10, 16, 33, 9, 26, 16, 7, 17, 6, 1, 3, -2));
  EXPECT_EQ(d.chk2.computed, 720u);
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::match);
}

TEST(RealFiles, Cm6RnonChk2) {
  const auto d = decode_file(read_real("loc_RNON20040609200559.z"));
  ASSERT_EQ(d.samples.size(), 12000u);
  EXPECT_EQ(d.chk2.computed, 1953u);
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::match);
}

TEST(RealFiles, Cm6CrlfAndBlankPaddedLastLine) {
  const std::string dos = read_real("loc_RJOB20050831023349_first100_dos.z");
  const auto d = decode_file(dos);
  ASSERT_EQ(d.samples.size(), 100u);
  EXPECT_EQ(d.chk2.computed, 350u);
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::match);
  // The same samples as the first 100 of the LF file.
  const auto full = decode_file(read_real("loc_RJOB20050831023349.z"));
  EXPECT_THAT(d.samples, ElementsAreArray(full.samples.begin(), full.samples.begin() + 100));
}

TEST(RealFiles, Cm6SignedChk2IsAcceptedAsSignedForm) {
  const auto d = decode_file(read_real("sta2.gse2"));
  ASSERT_EQ(d.samples.size(), 100u);
  EXPECT_EQ(d.chk2.computed, 4514u);
  EXPECT_EQ(d.chk2.stored, -4514);
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::match_signed_form);
}

TEST(RealFiles, Cm6StopsAtAnnouncedSampleCountNotAtADataLineStartingWithChk2) {
  const std::string file = read_real("twiceCHK2.gse2");
  const auto d = decode_file(file);
  ASSERT_EQ(d.samples.size(), 750u);
  EXPECT_THAT(std::vector<std::int32_t>(d.samples.end() - 4, d.samples.end()),
              ElementsAre(-139, -153, -169, -156));
  // The data line that starts with the letters CHK2 was read as data; the real CHK2 line follows.
  EXPECT_LT(file.find("\nCHK20MUJP"), d.chk2_at);
  EXPECT_EQ(file.substr(d.chk2_at, 14), "CHK2    -81388");
  EXPECT_EQ(d.chk2.computed, 81388u);
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::match_signed_form);
}

TEST(RealFiles, IntBoaFirstSamplesAndSignedChk2) {
  const auto d = decode_file(read_real("boa___00_07a.gse"));
  ASSERT_EQ(d.samples.size(), 6784u);
  EXPECT_THAT(std::vector<std::int32_t>(d.samples.begin(), d.samples.begin() + 10),
              ElementsAre(-4, -4, 1, 3, 2, -3, -6, -4, 2, 5));
  EXPECT_EQ(d.chk2.computed, 5140u);
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::match_signed_form);
}

TEST(RealFiles, WrongChecksumIsAMismatchThatNamesBothValues) {
  const auto d = decode_file(read_real("loc_RJOB20050831023349.z.wrong_chksum"));
  EXPECT_EQ(d.chk2.outcome, Chk2Outcome::mismatch);
  EXPECT_EQ(d.chk2.stored, 999);
  EXPECT_EQ(d.chk2.computed, 720u);
  const std::string message = describe(d.chk2);
  EXPECT_NE(message.find("999"), std::string::npos);
  EXPECT_NE(message.find("720"), std::string::npos);
}

TEST(RealFiles, ZeroAnnouncedButDataPresentConsumesNothing) {
  // broken_head.gse2 announces 0 samples but carries CM6 data: the decoder takes none of it, so the reader
  // finds data where CHK2 should be.
  const std::string file = read_real("broken_head.gse2");
  const auto seg = find_segment(file);
  ASSERT_EQ(seg.count, 0u);
  std::vector<std::int32_t> samples;
  auto consumed = decode(seg.subformat, std::string_view(file).substr(seg.data), 0, samples);
  ASSERT_TRUE(consumed.has_value());
  EXPECT_EQ(*consumed, 0u);
  EXPECT_TRUE(samples.empty());
}

TEST(RealFiles, Cm6ReencodesByteForByte) {
  // ObsPy wrote these files with 80-character lines; our writer gives the same lines (without the blank
  // padding of the last line, which is optional).
  for (const char* name :
       {"loc_RJOB20050831023349.z", "loc_RNON20040609200559.z", "twiceCHK2.gse2", "sta2.gse2"}) {
    const std::string file = read_real(name);
    const auto seg = find_segment(file);
    std::vector<std::int32_t> samples;
    auto consumed = decode(seg.subformat, std::string_view(file).substr(seg.data), seg.count, samples);
    ASSERT_TRUE(consumed.has_value()) << name;
    std::string written;
    ASSERT_TRUE(encode(Subformat::cm6, samples, written).has_value());
    std::string original;
    std::string_view data = std::string_view(file).substr(seg.data, *consumed);
    while (!data.empty()) {
      const std::size_t end = std::min(data.find('\n'), data.size());
      std::string_view line = data.substr(0, end);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      if (!line.empty()) original.append(line).append("\n");
      data.remove_prefix(std::min(end + 1, data.size()));
    }
    EXPECT_EQ(written, original) << name;
  }
}

TEST(RealFiles, IntExampleI42HeadReencodesByteForByte) {
  // The IDC's INT layout: single blanks, lines of at most 75 characters.
  const std::string file =
      imsgate::testing::read_file(imsgate::testing::data_examples_dir() / "I.42-waveform-int.msg");
  const std::size_t data = file.find('\n', file.find("DAT2")) + 1;
  const std::string head = file.substr(data, file.find("   :") - data);
  std::vector<std::int32_t> samples;
  ASSERT_TRUE(decode(Subformat::int_text, head, 75, samples).has_value());
  EXPECT_THAT(std::vector<std::int32_t>(samples.begin(), samples.begin() + 3), ElementsAre(4249, 4178, 4042));
  std::string written;
  ASSERT_TRUE(encode(Subformat::int_text, samples, written).has_value());
  EXPECT_EQ(written, head);
}

}  // namespace
}  // namespace imsgate::ims2::codec
