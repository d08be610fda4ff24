"""Golden facts of the sample 10-Q, read off the filing by hand (concept, period, value, decimals)."""
import pytest

from conftest import facts_of

Q04 = "2004-07-01..2004-09-30"
Q03 = "2003-07-01..2003-09-30"
EQ = "us-gaap:StatementEquityComponentsAxis"

GOLDEN = [
    # balance sheet
    ("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2004-09-30", (), "1543000", "-3"),
    ("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2004-06-30", (), "2164000", "-3"),
    ("us-gaap:AccountsReceivableNetCurrent", "2004-09-30", (), "1041000", "-3"),
    ("us-gaap:AssetsCurrent", "2004-06-30", (), "7147000", "-3"),
    ("us-gaap:Assets", "2004-09-30", (), "14626000", "-3"),
    ("us-gaap:Liabilities", "2004-09-30", (), "3183000", "-3"),
    ("us-gaap:PreferredStockValue", "2004-09-30", (), "0", "-3"),
    ("us-gaap:RetainedEarningsAccumulatedDeficit", "2004-09-30", (), "-56151000", "-3"),
    ("us-gaap:StockholdersEquity", "2004-06-30", (), "12633000", "-3"),
    ("us-gaap:LiabilitiesAndStockholdersEquity", "2004-06-30", (), "16367000", "-3"),
    # parentheticals
    ("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "2004-09-30", (), "10000", "-3"),
    ("us-gaap:FiniteLivedIntangibleAssetsAccumulatedAmortization", "2004-09-30", (), "15936000", "-3"),
    ("us-gaap:FiniteLivedIntangibleAssetsAccumulatedAmortization", "2004-06-30", (), "15444000", "-3"),
    ("us-gaap:PreferredStockParOrStatedValuePerShare", "2004-09-30", (), "0.01", "2"),
    ("us-gaap:PreferredStockSharesAuthorized", "2004-09-30", (), "5000000", "0"),
    ("us-gaap:CommonStockParOrStatedValuePerShare", "2004-06-30", (), "0.005", "3"),
    ("us-gaap:CommonStockSharesAuthorized", "2004-09-30", (), "65000000", "0"),
    ("us-gaap:CommonStockSharesIssued", "2004-06-30", (), "37991988", "0"),
    ("us-gaap:CommonStockSharesOutstanding", "2004-09-30", (), "37991988", "0"),
    # operations
    ("us-gaap:Revenues", Q04, (), "2741000", "-3"),
    ("us-gaap:CostOfGoodsAndServicesSold", Q03, (), "563000", "-3"),
    ("us-gaap:GrossProfit", Q04, (), "2131000", "-3"),
    ("us-gaap:OperatingIncomeLoss", Q04, (), "-1221000", "-3"),
    ("us-gaap:InterestExpense", Q04, (), "6000", "-3"),
    ("us-gaap:IncomeTaxExpenseBenefit", Q03, (), "0", "-3"),
    ("us-gaap:NetIncomeLoss", Q04, (), "-1227000", "-3"),
    ("us-gaap:NetIncomeLoss", Q03, (), "-1013000", "-3"),
    ("us-gaap:EarningsPerShareBasicAndDiluted", Q04, (), "-0.03", "2"),
    ("us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted", Q03, (), "33699750", "0"),
    # equity
    ("us-gaap:StockholdersEquity", "2004-06-30", ((EQ, "us-gaap:RetainedEarningsMember"),), "-54924000", "-3"),
    ("us-gaap:StockholdersEquity", "2004-09-30", ((EQ, "us-gaap:AdditionalPaidInCapitalMember"),), "67404000", "-3"),
    ("us-gaap:SharesOutstanding", "2004-09-30", ((EQ, "us-gaap:CommonStockMember"),), "37991988", "0"),
    ("us-gaap:NetIncomeLoss", Q04, ((EQ, "us-gaap:RetainedEarningsMember"),), "-1227000", "-3"),
    # cash flows: signs follow the concept, not the parentheses
    ("us-gaap:IncreaseDecreaseInAccountsReceivable", Q04, (), "-301000", "-3"),
    ("us-gaap:IncreaseDecreaseInAccountsReceivable", Q03, (), "27000", "-3"),
    ("us-gaap:IncreaseDecreaseInInventories", Q03, (), "273000", "-3"),
    ("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", Q04, (), "2000", "-3"),
    ("us-gaap:NetCashProvidedByUsedInOperatingActivities", Q04, (), "-504000", "-3"),
    ("us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease", Q03, (), "-858000", "-3"),
    ("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2003-06-30", (), "4059000", "-3"),
    ("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2003-09-30", (), "3201000", "-3"),
    # notes
    ("us-gaap:AvailableForSaleSecuritiesDebtSecurities", "2004-09-30",
     (("us-gaap:FinancialInstrumentAxis", "us-gaap:USGovernmentAgenciesDebtSecuritiesMember"),), "2000000", "-3"),
    ("us-gaap:AntidilutiveSecuritiesExcludedFromComputationOfEarningsPerShareAmount", Q04, (), "717794", "0"),
    ("us-gaap:AntidilutiveSecuritiesExcludedFromComputationOfEarningsPerShareAmount", Q03, (), "1320193", "0"),
    ("us-gaap:ConversionOfStockAmountConverted1", Q03, (), "188000", "-3"),
    ("us-gaap:InterestPaid", Q04, (), "0", "-3"),
    # cover
    ("dei:EntityCommonStockSharesOutstanding", "2004-11-12", (), "37991988", "0"),
]


@pytest.mark.parametrize("concept,period,dims,value,decimals", GOLDEN)
def test_golden_fact(converted, concept, period, dims, value, decimals):
    facts = facts_of(converted)
    assert (concept, period, dims) in facts, f"missing {concept} {period} {dims}"
    assert facts[(concept, period, dims)] == (value, decimals)


def test_cover_page(converted):
    facts = facts_of(converted)
    dei = {k[0]: v[0] for k, v in facts.items() if k[0].startswith("dei:") and k[1] == Q04}
    assert dei["dei:EntityRegistrantName"] == "NUTRITION 21, INC."
    assert dei["dei:DocumentType"] == "10-Q"
    assert dei["dei:DocumentPeriodEndDate"] == "2004-09-30"
    assert dei["dei:CurrentFiscalYearEndDate"] == "--06-30"
    assert dei["dei:DocumentFiscalYearFocus"] == "2005"
    assert dei["dei:DocumentFiscalPeriodFocus"] == "Q1"
    assert dei["dei:AmendmentFlag"] == "false"
    assert dei["dei:EntityFileNumber"] == "0-14983"
    assert dei["dei:EntityTaxIdentificationNumber"] == "11-2653613"
    assert dei["dei:EntityIncorporationStateCountryCode"] == "NY"
    assert dei["dei:EntityAddressCityOrTown"] == "Purchase"
    assert dei["dei:CityAreaCode"] == "914"
    assert dei["dei:EntityCentralIndexKey"] == "0000000000"  # no header, no --cik: the placeholder


def test_awards_use_a_nature_axis(converted):
    facts = facts_of(converted)
    awards = sorted(v[0] for k, v in facts.items() if k[0] == "us-gaap:LossContingencyDamagesAwardedValue")
    assert awards == ["268477", "708750", "92151"]


def test_cash_at_beginning_is_not_written_twice(converted):
    facts = facts_of(converted)
    assert sum(1 for k in facts if k[0] == "us-gaap:CashAndCashEquivalentsAtCarryingValue"
               and k[1] == "2004-06-30") == 1


def test_every_note_is_a_text_block(converted):
    facts = facts_of(converted)
    blocks = [k for k in facts if k[0].endswith("TextBlock")]
    assert len(blocks) == 7


def test_validation_is_clean(converted):
    v = converted.validation
    assert v is not None
    assert v.errors == [], [str(m) for m in v.errors]
    assert v.calc_inconsistencies == []


def test_every_printed_subtotal_checks_out(converted):
    checks = converted.report["checks"]
    assert len(checks) >= 40
    assert [c for c in checks if not c["ok"]] == []


def test_every_statement_number_is_tagged_or_reported(converted):
    s = converted.report["summary"]
    assert s["numbers_tagged"] + s["numbers_untagged"] == s["numbers_in_statements"]
    assert all(u["reason"] for u in converted.report["untagged"])


def test_the_bundled_output_is_what_the_converter_writes_now(tmp_path):
    """`out/` is the sample converted by the current code (the README's quick start): every file equal."""
    from pathlib import Path
    from click.testing import CliRunner
    from edgar2xbrl.cli import main
    root = Path(__file__).resolve().parent.parent
    res = CliRunner().invoke(main, ["convert", str(root / "examples" / "nutrition21-10q-2004-09-30.txt"),
                                    "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    kept = sorted(p.name for p in (root / "out").iterdir() if not p.name.startswith("."))
    assert written == kept
    stale = [n for n in written if (tmp_path / "out" / n).read_bytes() != (root / "out" / n).read_bytes()]
    assert stale == [], f"out/ is not current: regenerate it with the README's quick start ({stale})"
