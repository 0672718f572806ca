package dev.ossecaws.harness;

/** An {@code .ini} case and ossec-logtest's unit-test exit code for its line. */
public record IniResult(IniCase testCase, int code) {
  public boolean passed() {
    return testCase.passes(code);
  }

  /** In the format of OSSEC's results file: {@code snort.ini [x] log 1 pass  rc=2  expected 20101:6:snort}. */
  @Override
  public String toString() {
    return testCase.name() + "  rc=" + code + "  expected " + testCase.expected();
  }
}
