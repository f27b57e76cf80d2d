package org.sweep4j.cli;

import org.sweep4j.config.InputException;
import org.sweep4j.dl4jm2.NativeBackend;
import org.sweep4j.training.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar sweep4j.jar <command>}, or the main class of {@code spark-submit}.
 */
@Command(
    name = "sweep4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Activation × architecture × seed sweeps of CIFAR-10 CNNs with DL4J on Spark.",
    subcommands = {
      RunCommand.class,
      PlanCommand.class,
      SqlCommand.class,
      ReportCommand.class,
      BenchCommand.class,
      DataCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  /** Exit code of a usage or input error (bad job file, unknown activation, corrupt data). */
  static final int INPUT_ERROR = 2;

  public static void main(String[] args) {
    NativeBackend.select();
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              if (isInputError(e)) {
                cmd.getErr().println("error: " + e.getMessage());
                return INPUT_ERROR;
              }
              throw e;
            });
  }

  static boolean isInputError(Exception e) {
    return e instanceof InputException;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sweep4j " + Versions.sweep4j() + " (DL4J " + Versions.dl4j() + ")"};
    }
  }
}
