package org.sweep4j.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweep4j.data.CifarDownloader;
import org.sweep4j.data.CifarLayout;
import org.sweep4j.data.DatasetVerifier;
import org.sweep4j.data.SyntheticWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep4j data download|verify|synth}: get, check or generate a data set in the official
 * layout.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Download, verify or generate CIFAR-10 in" + " the official binary layout.",
    subcommands = {DataCommand.Download.class, DataCommand.Verify.class, DataCommand.Synth.class})
final class DataCommand {

  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description =
          "Download "
              + CifarLayout.ARCHIVE
              + " (resuming a partial download), check its MD5 and unpack it into DIR/"
              + CifarLayout.DIRECTORY
              + ".")
  static final class Download implements Callable<Integer> {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "DIR",
        defaultValue = "data",
        description =
            "Where to put the archive and the unpacked directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
        names = "--url",
        paramLabel = "URL",
        defaultValue = CifarLayout.URL,
        description = "Where to fetch the archive, e.g. a mirror (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
        names = "--md5",
        paramLabel = "HEX",
        defaultValue = CifarLayout.ARCHIVE_MD5,
        description = "The archive's expected MD5 (default: the official ${DEFAULT-VALUE}).")
    String md5;

    @Override
    public Integer call() {
      Path data = new CifarDownloader(url, md5, System.out).download(dir);
      System.out.println("run jobs with --data " + data);
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check a data set (directory or "
              + CifarLayout.ARCHIVE
              + "): every batch file, whole 3,073-byte records, 10,000 per file, labels 0-9; print"
              + " the class balance.")
  static final class Verify implements Callable<Integer> {
    @Parameters(
        paramLabel = "PATH",
        description = "A directory of *.bin files (or its parent) or the archive.")
    Path path;

    @Override
    public Integer call() {
      System.out.print(DatasetVerifier.format(path, DatasetVerifier.verify(path)));
      return 0;
    }
  }

  @Command(
      name = "synth",
      mixinStandardHelpOptions = true,
      description =
          "Write the built-in synthetic set in the"
              + " official layout into DIR/"
              + CifarLayout.DIRECTORY
              + " (60,000 images, 184 MB).")
  static final class Synth implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The parent directory.")
    Path dir;

    @Override
    public Integer call() {
      Path written = SyntheticWriter.write(dir);
      System.out.println("wrote " + written + "; run jobs with --data " + written);
      return 0;
    }
  }
}
