import * as assert from "node:assert/strict";
import { cardNetwork, isCardNumber } from "../../src/engine/validate/card";
import { frVatKey, isFrVat, isNir, isSiren, isSiret } from "../../src/engine/validate/fr";
import { ibanLength, isFrenchRib, isIban } from "../../src/engine/validate/iban";
import { luhnValid } from "../../src/engine/validate/luhn";
import { checkInternationalPhone, isFrenchNationalPhone, isNanpPhone } from "../../src/engine/validate/phone";
import { isUsSsn } from "../../src/engine/validate/ssn";

/** ISO 7064 mod-97 check digits, computed here independently of the code under test. */
function ibanCheckDigits(country: string, bban: string): string {
  const numeric = (bban + country + "00").toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return String(98 - r).padStart(2, "0");
}

describe("validators", () => {
  describe("Luhn", () => {
    it("accepts valid numbers", () => {
      for (const n of ["79927398713", "4111111111111111", "378282246310005", "0"]) assert.ok(luhnValid(n), n);
    });
    it("refuses a wrong check digit, non-digits and the empty string", () => {
      for (const n of ["79927398710", "4111111111111112", "", "4111-1111", "12a4"]) assert.ok(!luhnValid(n), n);
    });
  });

  describe("payment cards", () => {
    const valid: [string, string][] = [
      ["4111111111111111", "visa"],
      ["4222222222222", "visa"],
      ["5555555555554444", "mastercard"],
      ["2223003122003222", "mastercard"],
      ["378282246310005", "amex"],
      ["6011111111111117", "discover"],
      ["3530111333300000", "jcb"],
      ["30569309025904", "diners"],
      ["6200000000000005", "unionpay"],
    ];
    for (const [number, network] of valid) {
      it(`knows ${network} ${number.slice(0, 4)}…`, () => {
        assert.equal(cardNetwork(number), network);
        assert.ok(isCardNumber(number));
      });
    }
    it("refuses Luhn-valid numbers without an issuer, wrong lengths and bad check digits", () => {
      assert.ok(luhnValid("1234567812345670"));
      assert.ok(!isCardNumber("1234567812345670"), "no network starts with 1234");
      assert.ok(!isCardNumber("41111111111111111"), "17-digit Visa");
      assert.ok(!isCardNumber("4111111111111112"), "Luhn");
      assert.ok(!isCardNumber("37828224631000"), "14-digit Amex");
    });
  });

  describe("IBAN", () => {
    it("accepts valid IBANs, in any case", () => {
      for (const iban of ["FR7630006000011234567890189", "DE89370400440532013000", "GB82WEST12345698765432", "gb82west12345698765432", "BE68539007547034", "NL91ABNA0417164300"]) {
        assert.ok(isIban(iban), iban);
      }
    });
    it("refuses a wrong mod-97 check, a wrong length and an unknown country", () => {
      for (const iban of ["GB82WEST12345698765433", "FR763000600001123456789018", "DE8937040044053201300", "XX82WEST12345698765432"]) assert.ok(!isIban(iban), iban);
    });
    it("checks the French RIB key, letters in the account number included", () => {
      assert.ok(isFrenchRib("30006000011234567890189"));
      assert.ok(!isFrenchRib("30006000011234567890188"));
      assert.ok(isFrenchRib("30002005500000157841Z25"));
      assert.ok(!isFrenchRib("30002005500000157841Z26"));
      const bban = "30002005500000157841Z25";
      assert.ok(isIban(`FR${ibanCheckDigits("FR", bban)}${bban}`));
      // mod 97 right, RIB key wrong: still not an IBAN.
      const badKey = "30006000011234567890188";
      assert.ok(!isIban(`FR${ibanCheckDigits("FR", badKey)}${badKey}`));
    });
    it("knows each country's length", () => {
      assert.equal(ibanLength("FR"), 27);
      assert.equal(ibanLength("GB"), 22);
      assert.equal(ibanLength("XX"), undefined);
      assert.equal(ibanLength("constructor"), undefined);
    });
  });

  describe("French identifiers", () => {
    it("NIR: key = 97 − (n mod 97)", () => {
      assert.ok(isNir("185057800608491"));
      assert.ok(!isNir("185057800608492"), "wrong key");
      assert.ok(isNir("285051900608482"));
    });
    it("NIR: Corsica 2A / 2B count as 19 / 18 in the key", () => {
      assert.ok(isNir("285052A00608482"));
      assert.ok(isNir("285052a00608482"));
      assert.ok(isNir("185052B00608462"));
      assert.ok(!isNir("185052A00608462"), "2B's key does not fit 2A");
      assert.ok(!isNir("285052B00608482"), "2A's key does not fit 2B");
    });
    it("NIR: refuses impossible sex digits, months and departments", () => {
      // Each body below gets its own right key, so only the structure is at fault.
      const withKey = (body: string) => body + String(97 - (Number(body) % 97)).padStart(2, "0");
      assert.ok(isNir(withKey("1850578006084")));
      assert.ok(isNir(withKey("7850578006084")), "temporary registration");
      assert.ok(!isNir(withKey("5850578006084")), "sex digit 5");
      assert.ok(!isNir(withKey("1851378006084")), "month 13");
      assert.ok(!isNir(withKey("1850500006084")), "department 00");
      assert.ok(!isNir("18505780060849"), "14 characters");
    });
    it("SIREN: Luhn over 9 digits", () => {
      assert.ok(isSiren("732829320"));
      assert.ok(isSiren("552100554"));
      assert.ok(!isSiren("732829321"));
      assert.ok(!isSiren("73282932"));
    });
    it("SIRET: Luhn over 14 digits, La Poste by digit sum", () => {
      assert.ok(isSiret("73282932000074"));
      assert.ok(!isSiret("73282932000075"));
      // La Poste (SIREN 356000000): sum of digits a multiple of 5, Luhn or not.
      assert.ok(isSiret("35600000000001"));
      assert.ok(!luhnValid("35600000000001"));
      assert.ok(!isSiret("35600000000002"));
    });
    it("VAT: FR + (12 + 3 × (SIREN mod 97)) mod 97 + SIREN", () => {
      assert.equal(frVatKey("303265045"), 40);
      assert.ok(isFrVat("FR40303265045"));
      assert.ok(isFrVat("fr40303265045"));
      assert.ok(!isFrVat("FR41303265045"), "wrong key");
      assert.ok(!isFrVat("FR44732829321"), "SIREN fails Luhn");
      assert.equal(frVatKey("732829320"), 44);
      assert.ok(isFrVat("FR44732829320"));
    });
  });

  describe("US SSN", () => {
    it("accepts numbers the SSA can issue", () => {
      for (const n of ["536901234", "001010001", "899451234", "772123456"]) assert.ok(isUsSsn(n), n);
    });
    it("refuses area 000, 666 and 9xx, group 00, serial 0000, published examples", () => {
      for (const n of ["000123456", "666123456", "900123456", "987654321", "123001234", "123450000", "078051120", "219099999", "12345678"]) assert.ok(!isUsSsn(n), n);
    });
  });

  describe("phones", () => {
    it("checks international numbers with libphonenumber", () => {
      assert.equal(checkInternationalPhone("+33 6 12 34 56 78"), "valid");
      assert.equal(checkInternationalPhone("+33 (0)1 42 68 53 00"), "valid");
      assert.equal(checkInternationalPhone("0033 1 42 68 53 00"), "valid");
      assert.equal(checkInternationalPhone("+44 20 7946 0958"), "valid");
      assert.equal(checkInternationalPhone("+1-604-696-5272x565"), "valid");
      assert.equal(checkInternationalPhone("+33 6 12"), undefined);
      assert.equal(checkInternationalPhone("06 12 34 56 78"), undefined, "national numbers need a country");
    });
    it("knows French and North American national formats", () => {
      assert.ok(isFrenchNationalPhone("0612345678"));
      assert.ok(!isFrenchNationalPhone("0012345678"));
      assert.ok(!isFrenchNationalPhone("061234567"));
      assert.ok(isNanpPhone("2125550123"));
      assert.ok(isNanpPhone("12125550123"));
      assert.ok(!isNanpPhone("1125550123"), "area code starts with 1");
      assert.ok(!isNanpPhone("2121550123"), "exchange starts with 1");
      assert.ok(!isNanpPhone("2124110123"), "N11 exchange");
      assert.ok(!isNanpPhone("9115550123"), "N11 area code");
    });
  });
});
