package io.github.dmsfleet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config folder written to hurt: oversized files, links out of the folder, NUL, controls. */
class HostileInputTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;

  private ConfigFolder config() throws Exception {
    return ConfigFolder.in(Files.createDirectories(dir.resolve("config")));
  }

  @Test
  void aFileAboveItsCapIsRefusedUnread() throws Exception {
    ConfigFolder folder =
        config()
            .parameters("key,value\ntags,Team=" + "x".repeat(64 * 1024) + "\n")
            .databases("server,dbname\nsrv,db\n")
            .mappingsFor("srv:db");

    assertThat(folder.problems())
        .containsExactly(
            Problem.inFile(
                folder.file("parameters.txt"),
                "is larger than 64 KiB, the most this file may hold (config/README.md lists the"
                    + " limits)"));
  }

  @Test
  void aLinkOutOfTheConfigFolderIsRefusedAndALinkInsideIsFollowed() throws Exception {
    Path outside = Files.writeString(elsewhere.resolve("stolen.json"), ConfigFolder.MAPPING);
    ConfigFolder folder =
        config()
            .databases("server,dbname\nsrv,a\nsrv,b\n")
            .mapping("shared.json", ConfigFolder.MAPPING);
    Path linkOut = folder.mappingFile("dms_srv_a_mappings.json");
    Files.createSymbolicLink(linkOut, outside);
    Files.createSymbolicLink(
        folder.mappingFile("dms_srv_b_mappings.json"), folder.mappingFile("shared.json"));

    assertThat(folder.problems())
        .containsExactly(
            Problem.inFile(
                linkOut,
                "leads outside the config folder (to "
                    + outside.toRealPath()
                    + "); copy the file into the folder instead of linking to it"));
  }

  @Test
  void aConfigFolderReachedThroughALinkIsRead() throws Exception {
    ConfigFolder folder = config().databases("server,dbname\nsrv,a\n").mappingsFor("srv:a");
    Path link = Files.createSymbolicLink(elsewhere.resolve("config-link"), folder.path());

    assertThat(ConfigLoader.load(link).databases()).hasSize(1);
  }

  @Test
  void aNulCharacterIsRefusedInEveryFile() throws Exception {
    ConfigFolder folder =
        config()
            .databases("server,dbname\nsrv,a\nsrv,b\u0000\n")
            .mapping("dms_srv_a_mappings.json", "{\n\"rules\": []\u0000}\n");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                3,
                "holds a NUL character; save the file as plain text without it"));
    folder.databases("server,dbname\nsrv,a\n");
    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                folder.mappingFile("dms_srv_a_mappings.json"),
                2,
                "holds a NUL character; save the file as plain text without it"));
  }

  @Test
  void namesMayHoldNoControlCharacterNorInvisibleFormatting() throws Exception {
    ConfigFolder folder =
        config()
            .databases("server,dbname\n\"srv\u001B[31m\",a\nsrv,\"txt\u202Egnp.exe\"\nsrv,ok\n")
            .mappingsFor("srv:ok");

    assertThat(folder.problems())
        .containsExactly(
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                2,
                "'server' holds the control character U+001B; remove it"),
            Problem.at(
                folder.file(ConfigLoader.DATABASES_FILE),
                3,
                "'dbname' holds the control character U+202E; remove it"));
  }

  @Test
  void aFolderWhereAFileShouldBeIsRefused() throws Exception {
    ConfigFolder folder = config().databases("server,dbname\nsrv,a\n");
    Files.createDirectory(folder.mappingFile("dms_srv_a_mappings.json"));

    assertThat(folder.problems())
        .containsExactly(
            Problem.inFile(folder.mappingFile("dms_srv_a_mappings.json"), "is not a regular file"));
  }

  private static String cap(String file, int bytes) {
    return "| " + file + " | " + bytes / ConfigFiles.KIB + " KiB |";
  }

  @Test
  void everyCapIsDocumented() throws Exception {
    String readme = Files.readString(Path.of("..", "config", "README.md"), StandardCharsets.UTF_8);

    assertThat(readme)
        .contains(
            cap("`parameters.txt`", ConfigFiles.PARAMETERS_CAP),
            cap("`dms_config_details.txt`", ConfigFiles.DATABASES_CAP),
            cap("`dms_servers.txt`", ConfigFiles.SERVERS_CAP),
            cap("each table mapping", ConfigFiles.MAPPING_CAP),
            cap("each task-settings file", ConfigFiles.TASK_SETTINGS_CAP),
            cap("the credentials CSV", ConfigFiles.CREDENTIALS_CAP));
  }
}
