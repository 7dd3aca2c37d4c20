/** Tests of src/core/chat-channels: what an admin may store as a channel, and how a channel is shown without its secret. */

import {
  channelName,
  channelsText,
  channelView,
  checkChannel,
  nextChannelId,
  parseChannels,
} from "../../src/core/chat-channels";

describe("chat-channels", () => {
  describe("checkChannel", () => {
    it("takes each platform's own https host", () => {
      for (const [platform, url] of [
        ["wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"],
        ["dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=t"],
        ["feishu", "https://open.larksuite.com/open-apis/bot/v2/hook/h"],
        ["googleChat", "https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t"],
      ]) {
        expect(checkChannel({ platform, label: " 销售群 ", url }, "zh")).toEqual({
          channel: { platform, label: "销售群", url, secret: "" },
        });
      }
    });

    it("names the field it refuses, in the user's language", () => {
      const wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k";
      expect(checkChannel({ platform: "slack", label: "x", url: wecom }, "en")).toEqual({
        error: "Choose a “Platform”: WeCom, DingTalk, Feishu / Lark or Google Chat.",
      });
      expect(
        checkChannel({ platform: "wecom", label: "x", url: "https://qyapi.weixin.qq.com.evil.cn/x" }, "en"),
      ).toEqual({
        error:
          "“Webhook URL” must be the group robot's https:// address on qyapi.weixin.qq.com (copy it from the robot's page in the group settings).",
      });
      expect(checkChannel({ platform: "wecom", label: "x".repeat(41), url: wecom }, "zh")).toEqual({
        error: "「名称」最多 40 个字（现在 41 个）。",
      });
      expect(
        checkChannel(
          { platform: "dingtalk", label: "x", url: "https://oapi.dingtalk.com/robot/send", secret: "has space" },
          "zh",
        ),
      ).toHaveProperty("error");
      expect(checkChannel(null, "zh")).toHaveProperty("error");
    });
  });

  it("stores and reads back channels; unreadable text is no channel", () => {
    const channel = {
      id: "c1",
      platform: "wecom" as const,
      label: "群",
      url: "https://qyapi.weixin.qq.com/x",
      secret: "",
    };
    expect(parseChannels(channelsText([channel]))).toEqual([channel]);
    expect(parseChannels("{oops")).toEqual([]);
    // Named by the time it is added: one removed and another added the same day never share a batch of posts.
    const now = Date.UTC(2026, 10, 27, 1, 0);
    const first = nextChannelId([], now);
    expect(nextChannelId([], now + 60_000)).not.toBe(first);
    expect(nextChannelId([{ ...channel, id: first }], now)).not.toBe(first);
  });

  it("shows a channel by platform, label and host only", () => {
    const channel = {
      id: "c1",
      platform: "dingtalk" as const,
      label: "钉钉群",
      url: "https://oapi.dingtalk.com/robot/send?access_token=secret-token",
      secret: "SEC123",
    };
    expect(JSON.stringify(channelView(channel))).not.toMatch(/secret-token|SEC123/);
    expect(channelView(channel).maskedUrl).toBe("https://oapi.dingtalk.com/••••");
    expect(channelName(channel, "zh")).toBe("钉钉 · 钉钉群");
  });
});
