import "reflect-metadata";
import { plainToInstance, Type } from "class-transformer";
import { IsArray, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUrl, MaxLength } from "class-validator";
import { Auto, Index, Key } from "ommi";
import { corpusEntry } from "../entry.js";
import { DATES, UNICODE } from "../nasty.js";

enum ArticleStatus {
  Draft = "draft",
  Published = "published",
}

// A CMS article: image URLs and related ids as arrays validated with `each: true`.
export class Article {
  @Key() @Auto() @IsOptional() @IsInt() id?: number;
  @IsString() @MaxLength(200) title!: string;
  @Index() @IsString() slug!: string;
  @IsString() body!: string;
  @IsArray() @IsUrl({}, { each: true }) imageUrls!: string[];
  @IsArray() @IsInt({ each: true }) relatedIds!: number[];
  @IsEnum(ArticleStatus) status!: ArticleStatus;
  @IsOptional() @IsDate() @Type(() => Date) publishedAt?: Date;
}

export function sampleArticles(): Article[] {
  return plainToInstance(Article, [
    { title: "Release notes", slug: "release-notes", body: "## 2.0\n\n- faster", imageUrls: ["https://cdn.example.com/a.png"], relatedIds: [3, 1, 2], status: ArticleStatus.Published, publishedAt: DATES.recent() },
    { title: UNICODE.astral, slug: "draft", body: "", imageUrls: [], relatedIds: [], status: ArticleStatus.Draft },
  ]);
}

export const articleEntry = corpusEntry("class-validator", { name: "Article", schema: Article, samples: sampleArticles });
