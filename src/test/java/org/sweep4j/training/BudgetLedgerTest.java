package org.sweep4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sweep4j.config.Budget;

/** Budgets with trials running at once: reservations keep them from overshooting together. */
class BudgetLedgerTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void runningTrialsReserveTheirEpochsAndGiveBackWhatTheyDidNotTrain() {
    BudgetLedger ledger = new BudgetLedger(new Budget(null, 7), START);
    assertEquals(TrialScheduler.Admission.START, ledger.admit(5, START));
    // Two trials of 5 epochs at once would be 10 > 7: the second waits for the first.
    assertEquals(TrialScheduler.Admission.WAIT, ledger.admit(5, START));
    ledger.end(5, 2, Duration.ofMinutes(1));
    assertEquals(
        TrialScheduler.Admission.START,
        ledger.admit(5, START),
        "2 + 5 fits once the first stopped early");
    assertEquals(
        TrialScheduler.Admission.WAIT,
        ledger.admit(1, START),
        "7 of 7 reserved or trained, but the running trial may stop early");
    ledger.end(5, 5, Duration.ofMinutes(1));
    assertEquals(
        TrialScheduler.Admission.SKIP, ledger.admit(1, START), "7 of 7 trained: nothing more fits");
  }

  @Test
  void aTrialThatCannotFitEvenAloneIsSkippedAtOnce() {
    BudgetLedger ledger = new BudgetLedger(new Budget(null, 4), START);
    assertEquals(TrialScheduler.Admission.SKIP, ledger.admit(5, START));
  }

  @Test
  void theTimeCapCountsTheMeanTrial() {
    BudgetLedger ledger = new BudgetLedger(new Budget(Duration.ofHours(1), 0), START);
    assertEquals(TrialScheduler.Admission.START, ledger.admit(10, START));
    ledger.end(10, 10, Duration.ofMinutes(40));
    assertEquals(
        TrialScheduler.Admission.START, ledger.admit(10, START.plus(Duration.ofMinutes(20))));
    assertEquals(
        TrialScheduler.Admission.SKIP,
        ledger.admit(10, START.plus(Duration.ofMinutes(21))),
        "21 minutes in, a 40-minute trial would end past the hour");
  }
}
