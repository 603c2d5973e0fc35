// application/x-www-form-urlencoded decoding (adapters/common/form_decoding.h)
// on any bytes, and the round trip of what the bot itself encodes.
#include "adapters/common/form_decoding.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mentorbot;
  const std::string_view body = fuzz::Text(data, size);

  if (auto form = DecodeForm(body)) {
    fuzz::Require(form->size() <= body.size(), "a form has at most one field per byte");
    (void)form->Get("payload");
    (void)form->GetAll("text");
  }
  if (auto decoded = PercentDecode(body)) {
    fuzz::Require(decoded->size() <= body.size(), "decoding never makes the text longer");
  }

  // Anything encoded decodes back to itself, alone or as a form field.
  const std::string_view name = body.substr(0, body.size() / 2);
  const std::string_view value = body.substr(body.size() / 2);
  fuzz::Require(PercentDecode(PercentEncode(body)) == std::string(body), "PercentDecode(PercentEncode(x)) == x");
  auto form = DecodeForm(FormEncodeValue(name) + "=" + FormEncodeValue(value));
  fuzz::Require(form && form->size() == 1 && form->Has(name) && form->Get(name) == value,
                "DecodeForm(encode(name)=encode(value)) gives {name: value}");
  return 0;
}
